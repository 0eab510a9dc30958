package org.opengru.core.notification;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;
import org.opengru.core.internal.Checks;
import org.opengru.core.usager.NotificationChannel;

/**
 * One attempt on one channel, kept for the 360° view.
 *
 * @param providerId the provider's id of the message (SMTP Message-ID, SMS gateway id), when sent
 * @param channel the channel tried
 * @param outcome what came of it
 * @param at when
 * @param detail the provider's answer or the reason, for agents
 */
public record DeliveryAttempt(
        NotificationChannel channel,
        Outcome outcome,
        Instant at,
        String detail,
        @Nullable String providerId) {

    /** What came of the attempt. */
    public enum Outcome {
        /** Handed to the channel (SMTP accepted it, the gateway took it). */
        SENT,
        /** Known to have reached the usager. */
        DELIVERED,
        /** Failed; worth retrying on the same channel. */
        FAILED_TRANSIENT,
        /** Failed for good on this channel (bad number, mailbox unknown): the next channel is tried. */
        FAILED_PERMANENT,
        /** The channel was not usable (no sender configured, no consent): the next channel is tried. */
        SKIPPED,
        /** Waiting for the end of the SMS quiet hours. */
        DEFERRED,
        /** A receipt arrived later from the provider. */
        RECEIPT_DELIVERED,
        /** A receipt arrived later: delivery failed; the next channel is tried. */
        RECEIPT_FAILED,
        /** The e-mail came back undelivered (a delivery status notification): the next channel is tried. */
        BOUNCED
    }

    /**
     * Checks the parts and cuts the detail.
     *
     * @param channel the channel tried
     * @param outcome what came of it
     * @param at when
     * @param detail the provider's answer or the reason, for agents
     * @param providerId the provider's id of the message (SMTP Message-ID, SMS gateway id), when sent
     * @throws org.opengru.core.error.ValidationException naming the missing part
     */
    public DeliveryAttempt {
        Checks.required("attempt.channel", channel);
        Checks.required("attempt.outcome", outcome);
        at = Checks.required("attempt.at", at).truncatedTo(ChronoUnit.MICROS);
        detail = detail == null || detail.isBlank() ? "-" : (detail.length() > 500 ? detail.substring(0, 500) : detail);
    }
}
