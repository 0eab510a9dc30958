package org.opengru.core.inbound;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.opengru.core.internal.Checks;

/**
 * An e-mail as read from the mailbox, before any decision.
 *
 * @param messageId the Message-ID header (the de-duplication key), or a digest of the message without one
 * @param from the From address as written; {@code null} when missing or unparsable
 * @param recipients the To, Cc and Delivered-To addresses (where a plus-addressed reply token hides)
 * @param authenticationResults the receiving server's {@code Authentication-Results} header, if any
 * @param autoSubmitted the {@code Auto-Submitted} header (auto-replies, bounces), if any
 */
public record InboundMail(
        String messageId,
        @Nullable String from,
        List<String> recipients,
        String subject,
        String text,
        List<InboundAttachment> attachments,
        Instant receivedAt,
        @Nullable String authenticationResults,
        @Nullable String autoSubmitted) {

    public InboundMail {
        messageId = Checks.text("mail.messageId", messageId, 998);
        recipients = List.copyOf(recipients);
        subject = subject == null ? "" : subject;
        text = text == null ? "" : text;
        attachments = List.copyOf(attachments);
        Checks.required("mail.receivedAt", receivedAt);
    }
}
