package org.opengru.core.inbound;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.opengru.core.internal.Checks;

/**
 * An e-mail as read from the mailbox, before any decision. Accepts whatever the mail says (a file name of
 * any length, any attachment count): the {@link InboundMailProcessor} decides what it may become.
 *
 * @param messageId the Message-ID header (the de-duplication key), or a digest of the message without one
 * @param from the From address as written; {@code null} when missing or unparsable
 * @param recipients the To, Cc and Delivered-To addresses (where a plus-addressed reply token hides)
 * @param authenticationResults the receiving server's {@code Authentication-Results} header, if any
 * @param autoSubmitted the {@code Auto-Submitted} header (RFC 3834: auto-replies, bounces), if any
 * @param precedence the {@code Precedence} header ({@code bulk}, {@code junk}, {@code list}), if any
 * @param autoReply the {@code X-Autoreply} or {@code X-Autorespond} header some responders set, if any
 * @param deliveryReport the delivery status notification the mail carries, if it is one
 * @param subject the subject, empty when missing
 * @param text the plain-text body, empty when missing
 * @param attachments the attachments
 * @param receivedAt when the mailbox received it
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
        @Nullable String autoSubmitted,
        @Nullable String precedence,
        @Nullable String autoReply,
        @Nullable DeliveryReport deliveryReport) {

    /**
     * Checks the Message-ID and copies the lists; a missing subject or text becomes empty.
     *
     * @param messageId the Message-ID header (the de-duplication key), or a digest of the message without one
     * @param from the From address as written; {@code null} when missing or unparsable
     * @param recipients the To, Cc and Delivered-To addresses (where a plus-addressed reply token hides)
     * @param subject the subject, empty when missing
     * @param text the plain-text body, empty when missing
     * @param attachments the attachments
     * @param receivedAt when the mailbox received it
     * @param authenticationResults the receiving server's {@code Authentication-Results} header, if any
     * @param autoSubmitted the {@code Auto-Submitted} header (RFC 3834: auto-replies, bounces), if any
     * @param precedence the {@code Precedence} header ({@code bulk}, {@code junk}, {@code list}), if any
     * @param autoReply the {@code X-Autoreply} or {@code X-Autorespond} header some responders set, if any
     * @param deliveryReport the delivery status notification the mail carries, if it is one
     * @throws org.opengru.core.error.ValidationException naming {@code mail.messageId} when it is missing or too long
     */
    public InboundMail {
        messageId = Checks.text("mail.messageId", messageId, 998);
        recipients = List.copyOf(recipients);
        subject = subject == null ? "" : subject;
        text = text == null ? "" : text;
        attachments = List.copyOf(attachments);
        Checks.required("mail.receivedAt", receivedAt);
    }

    /**
     * A mail written by a person or a client that sets no automation header.
     *
     * @param messageId the Message-ID
     * @param from the From address, or {@code null}
     * @param recipients the recipients
     * @param subject the subject
     * @param text the plain-text body
     * @param attachments the attachments
     * @param receivedAt when it was received
     * @param authenticationResults the {@code Authentication-Results} header, or {@code null}
     * @param autoSubmitted the {@code Auto-Submitted} header, or {@code null}
     */
    public InboundMail(
            String messageId,
            @Nullable String from,
            List<String> recipients,
            String subject,
            String text,
            List<InboundAttachment> attachments,
            Instant receivedAt,
            @Nullable String authenticationResults,
            @Nullable String autoSubmitted) {
        this(
                messageId,
                from,
                recipients,
                subject,
                text,
                attachments,
                receivedAt,
                authenticationResults,
                autoSubmitted,
                null,
                null,
                null);
    }
}
