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

    /**
     * Who may write into a request by e-mail: the applicant and the addresses known for them.
     *
     * @param usager the applicant
     * @param addresses their e-mail addresses
     */
    record Correspondent(UsagerId usager, Set<EmailAddress> addresses) {}

    /**
     * The request's correspondent, or empty when the request does not exist in the tenant.
     *
     * @param tenant the collectivité
     * @param request the request
     * @return the correspondent, or empty
     */
    Optional<Correspondent> correspondent(TenantId tenant, RequestId request);

    /**
     * Adds the reply to the request's thread as a message from the usager, with the attachments' document
     * references. Must be idempotent on {@link InboundReply#messageId()}: a mailbox polled again after a
     * crash hands the same mail twice.
     *
     * @param tenant the collectivité
     * @param request the request
     * @param reply the reply
     */
    void appendReply(TenantId tenant, RequestId request, InboundReply reply);

    /**
     * A reply as threaded into a request.
     *
     * @param messageId the mail's Message-ID, the idempotency key
     * @param from the usager who replied
     * @param subject the mail's subject
     * @param text the mail's text
     * @param attachments the attachments the vault accepted
     * @param receivedAt when the mailbox received it
     */
    record InboundReply(
            String messageId,
            UsagerId from,
            String subject,
            String text,
            List<AttachmentScreen.Accepted> attachments,
            java.time.Instant receivedAt) {}
}
