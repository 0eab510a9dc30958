package org.opengru.core.idempotency;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;
import org.opengru.core.audit.AuditHashes;
import org.opengru.core.internal.Checks;
import org.opengru.core.principal.ActorRef;

/**
 * A client-chosen key that makes a command idempotent for the one who sends it: a retry with the same key
 * (after a timeout or a dropped connection) returns the first outcome and has no second effect. The
 * services store it {@linkplain #scopedTo scoped} to the actor and the operation, so that the same key
 * sent by someone else, or for another kind of operation, is another key: nobody replays or blocks
 * another person's call. Reusing a key for a different command of the same operation is an {@link
 * org.opengru.core.error.IdempotencyConflictException}. Use a UUID per user action, such as the {@code
 * Idempotency-Key} HTTP header.
 *
 * @param value the key as the client sent it (or as scoped)
 */
public record IdempotencyKey(@JsonValue String value) {

    private static final String SCOPED_PREFIX = "s1-";
    private static final Pattern FORMAT = Pattern.compile("[\\x21-\\x7E]{8,128}");

    /**
     * Checks the key: 8 to 128 printable ASCII characters without spaces.
     *
     * @param value the key as the client sent it (or as scoped)
     * @throws org.opengru.core.error.ValidationException naming {@code idempotencyKey} and the value
     */
    public IdempotencyKey {
        Checks.matches("idempotencyKey", value, FORMAT, "8-128 printable ASCII characters without spaces");
    }

    /**
     * Wraps a client's key.
     *
     * @param value the key, such as a UUID
     * @return the key
     * @throws org.opengru.core.error.ValidationException naming {@code idempotencyKey} and the value
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static IdempotencyKey of(String value) {
        return new IdempotencyKey(value);
    }

    /**
     * The key as a store keeps it: a digest of the actor, the operation and this key ({@code s1-} and 64
     * hex digits), so that two actors, or two operations, never share a key, and the stored key says
     * nothing about who sent it.
     *
     * @param operation what the key guards, such as {@code request.SUBMIT} or {@code booking.book}
     * @param actor who sends the command
     * @return the scoped key
     */
    public IdempotencyKey scopedTo(ActorRef actor, String operation) {
        Checks.required("actor", actor);
        Checks.text("operation", operation, 100);
        return new IdempotencyKey(SCOPED_PREFIX + AuditHashes.sha256(actor + "\n" + operation + "\n" + value));
    }

    @Override
    public String toString() {
        return value;
    }
}
