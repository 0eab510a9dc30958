package org.opengru.core.notification;

import org.jspecify.annotations.Nullable;

/** What a {@link ChannelSender} reports for one attempt. */
public sealed interface SendResult {

    /**
     * Accepted by the channel.
     *
     * @param providerId the provider's id, to match a later delivery receipt
     * @param delivered whether delivery is already certain (in-app inbox)
     * @param detail the provider's words
     */
    record Sent(@Nullable String providerId, boolean delivered, String detail) implements SendResult {}

    /**
     * Refused or failed; {@code permanent}: retrying this channel cannot help.
     *
     * @param permanent whether retrying this channel cannot help
     * @param detail the reason
     */
    record Failed(boolean permanent, String detail) implements SendResult {}

    /**
     * Accepted, delivery not known yet.
     *
     * @param providerId the provider's id, or {@code null}
     * @param detail the provider's words
     * @return the result
     */
    static SendResult sent(@Nullable String providerId, String detail) {
        return new Sent(providerId, false, detail);
    }

    /**
     * Accepted and delivered.
     *
     * @param providerId the provider's id, or {@code null}
     * @param detail the provider's words
     * @return the result
     */
    static SendResult delivered(@Nullable String providerId, String detail) {
        return new Sent(providerId, true, detail);
    }

    /**
     * Failed; worth retrying on this channel.
     *
     * @param detail the reason
     * @return the result
     */
    static SendResult retry(String detail) {
        return new Failed(false, detail);
    }

    /**
     * Failed for good on this channel.
     *
     * @param detail the reason
     * @return the result
     */
    static SendResult permanent(String detail) {
        return new Failed(true, detail);
    }
}
