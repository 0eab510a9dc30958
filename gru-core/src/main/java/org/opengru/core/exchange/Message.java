package org.opengru.core.exchange;

import java.time.Instant;
import java.util.List;
import org.opengru.core.id.MessageId;
import org.opengru.core.id.RequestId;
import org.opengru.core.intake.Channel;
import org.opengru.core.internal.Checks;
import org.opengru.core.principal.ActorRef;
import org.opengru.core.tenancy.TenantId;

/**
 * One message of a request's thread. Immutable once posted.
 *
 * @param id the message's id
 * @param tenant the collectivité
 * @param requestId the request whose thread it belongs to
 * @param author who posted it (pseudonymous)
 * @param visibility shared with the applicant, or an internal note
 * @param body the text, at most 20,000 characters
 * @param attachments documents by reference
 * @param channel how it came in
 * @param postedAt when it was posted
 */
public record Message(
        MessageId id,
        TenantId tenant,
        RequestId requestId,
        ActorRef author,
        Visibility visibility,
        String body,
        List<AttachmentRef> attachments,
        Channel channel,
        Instant postedAt) {

    /**
     * Checks every part.
     *
     * @param id the message's id
     * @param tenant the collectivité
     * @param requestId the request whose thread it belongs to
     * @param author who posted it (pseudonymous)
     * @param visibility shared with the applicant, or an internal note
     * @param body the text, at most 20,000 characters
     * @param attachments documents by reference
     * @param channel how it came in
     * @param postedAt when it was posted
     * @throws org.opengru.core.error.ValidationException naming {@code message.<part>} and the value
     */
    public Message {
        Checks.required("message.id", id);
        Checks.required("message.tenant", tenant);
        Checks.required("message.requestId", requestId);
        Checks.required("message.author", author);
        Checks.required("message.visibility", visibility);
        body = Checks.text("message.body", body, 20_000);
        attachments = List.copyOf(Checks.required("message.attachments", attachments));
        Checks.check(attachments.size() <= 20, "message.attachments", attachments.size(), "must be 20 at most");
        Checks.required("message.channel", channel);
        Checks.required("message.postedAt", postedAt);
    }
}
