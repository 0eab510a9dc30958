package org.opengru.core.inbound;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A delivery status notification (RFC 3464: {@code multipart/report; report-type=delivery-status}), what a
 * mail server reports about a message the commune sent: usually a bounce.
 *
 * @param originalMessageId the Message-ID of the message reported on, read from the headers the report
 *     returns; {@code null} when it returns none
 * @param recipients the per-recipient fields
 */
public record DeliveryReport(@Nullable String originalMessageId, List<Recipient> recipients) {

    /**
     * One recipient's fate.
     *
     * @param action {@code failed}, {@code delayed}, {@code delivered}, {@code relayed} or {@code expanded}
     * @param status the enhanced status code, such as {@code 5.1.1}
     * @param diagnostic the remote server's answer, such as {@code smtp; 550 5.1.1 user unknown}
     * @param finalRecipient the {@code Final-Recipient} address, or {@code null}
     * @param originalRecipient the {@code Original-Recipient} address, or {@code null}
     */
    public record Recipient(
            @Nullable String finalRecipient,
            @Nullable String originalRecipient,
            String action,
            @Nullable String status,
            @Nullable String diagnostic) {

        /**
         * Keeps the fields as the report gives them.
         *
         * @param finalRecipient the {@code Final-Recipient} address, or {@code null}
         * @param originalRecipient the {@code Original-Recipient} address, or {@code null}
         * @param action {@code failed}, {@code delayed}, {@code delivered}, {@code relayed} or {@code expanded}
         * @param status the enhanced status code, such as {@code 5.1.1}
         * @param diagnostic the remote server's answer, such as {@code smtp; 550 5.1.1 user unknown}
         */
        public Recipient {
            action = action == null ? "" : action.strip().toLowerCase(Locale.ROOT);
        }

        /**
         * Whether delivery to this recipient failed.
         *
         * @return {@code true} for {@code Action: failed}
         */
        public boolean failed() {
            return action.equals("failed");
        }
    }

    /**
     * Copies the recipients.
     *
     * @param originalMessageId the Message-ID of the message reported on, read from the headers the report
     *     returns; {@code null} when it returns none
     * @param recipients the per-recipient fields
     */
    public DeliveryReport {
        recipients = List.copyOf(recipients);
    }

    /**
     * Whether the message could not be delivered to at least one recipient ({@code Action: failed}).
     *
     * @return {@code true} when a recipient failed
     */
    public boolean failed() {
        return recipients.stream().anyMatch(Recipient::failed);
    }

    /**
     * One line for agents and the delivery history: each recipient's action, status and diagnostic.
     *
     * @return the summary
     */
    public String summary() {
        if (recipients.isEmpty()) {
            return "delivery status notification without recipient fields";
        }
        return recipients.stream()
                .map(r -> (r.finalRecipient() == null ? "?" : r.finalRecipient()) + " " + r.action()
                        + (r.status() == null ? "" : " " + r.status())
                        + (r.diagnostic() == null ? "" : " (" + r.diagnostic() + ")"))
                .collect(Collectors.joining("; "));
    }
}
