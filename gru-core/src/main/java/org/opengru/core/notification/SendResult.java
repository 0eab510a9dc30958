package org.opengru.core.notification;

import org.jspecify.annotations.Nullable;

/** What a {@link ChannelSender} reports for one attempt. */
public sealed interface SendResult {

    /**
     * Accepted by the channel.
     *
     * @param providerId the provider's id, to match a later delivery receipt
     * @param delivered whether delivery is already certain (in-app inbox)
     */
    record Sent(@Nullable String providerId, boolean delivered, String detail) implements SendResult {}

    /** Refused or failed; {@code permanent}: retrying this channel cannot help. */
    record Failed(boolean permanent, String detail) implements SendResult {}

    static SendResult sent(@Nullable String providerId, String detail) {
        return new Sent(providerId, false, detail);
    }

    static SendResult delivered(@Nullable String providerId, String detail) {
        return new Sent(providerId, true, detail);
    }

    static SendResult retry(String detail) {
        return new Failed(false, detail);
    }

    static SendResult permanent(String detail) {
        return new Failed(true, detail);
    }
}
