package org.opengru.core.inbound;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.opengru.core.id.RequestId;
import org.opengru.core.id.UsagerId;
import org.opengru.core.tenancy.TenantId;
import org.opengru.core.value.EmailAddress;

/**
 * Port (implemented by the request exchange module): the message threads of requests, seen from the
 * mailbox.
 */
public interface RequestThreads {

    /** Who may write into a request by e-mail: the applicant and the addresses known for them. */
    record Correspondent(UsagerId usager, Set<EmailAddress> addresses) {}

    /** The request's correspondent, or empty when the request does not exist in the tenant. */
    Optional<Correspondent> correspondent(TenantId tenant, RequestId request);

    /**
     * Adds the reply to the request's thread as a message from the usager, with the attachments' document
     * references. Must be idempotent on {@link InboundReply#messageId()}: a mailbox polled again after a
     * crash hands the same mail twice.
     */
    void appendReply(TenantId tenant, RequestId request, InboundReply reply);

    /** A reply as threaded into a request. */
    record InboundReply(
            String messageId,
            UsagerId from,
            String subject,
            String text,
            List<AttachmentScreen.Accepted> attachments,
            java.time.Instant receivedAt) {}
}
