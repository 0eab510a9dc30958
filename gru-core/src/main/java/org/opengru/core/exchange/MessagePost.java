package org.opengru.core.exchange;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.opengru.core.event.DomainEvent;
import org.opengru.core.idempotency.IdempotencyKey;
import org.opengru.core.internal.Checks;

/**
 * A message to store atomically with its events (for the outbox) and, when the command had one, its
 * idempotency key and the command's fingerprint.
 *
 * @param message the message
 * @param events the events to store with it
 * @param key the command's idempotency key, or {@code null}
 * @param fingerprint what the command was, to tell a retry from another command with the same key
 */
public record MessagePost(
        Message message, List<DomainEvent> events, @Nullable IdempotencyKey key, String fingerprint) {

    /**
     * Checks the message and fingerprint, and copies the events.
     *
     * @param message the message
     * @param events the events to store with it
     * @param key the command's idempotency key, or {@code null}
     * @param fingerprint what the command was, to tell a retry from another command with the same key
     * @throws org.opengru.core.error.ValidationException naming {@code post.<part>}
     */
    public MessagePost {
        Checks.required("post.message", message);
        events = List.copyOf(events);
        fingerprint = Checks.text("post.fingerprint", fingerprint, 300);
    }
}
