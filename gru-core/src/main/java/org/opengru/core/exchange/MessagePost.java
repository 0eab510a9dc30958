package org.opengru.core.exchange;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.opengru.core.event.DomainEvent;
import org.opengru.core.idempotency.IdempotencyKey;
import org.opengru.core.internal.Checks;

/**
 * A message to store atomically with its events (for the outbox) and, when the command had one, its
 * idempotency key and the command's fingerprint.
 */
public record MessagePost(
        Message message, List<DomainEvent> events, @Nullable IdempotencyKey key, String fingerprint) {

    public MessagePost {
        Checks.required("post.message", message);
        events = List.copyOf(events);
        fingerprint = Checks.text("post.fingerprint", fingerprint, 300);
    }
}
