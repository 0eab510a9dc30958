package org.opengru.core.changes;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Set;
import org.opengru.core.error.ValidationException;
import org.opengru.core.internal.Checks;

/**
 * Where a follower of an usager's changes stands: every change after {@code horizon} not in {@code seen}
 * is new. The changes just before the horizon's move are kept in {@code seen} rather than skipped past,
 * because a change is stamped when its transaction starts and seen when it commits: a slow transaction
 * can commit a change stamped before one already seen. Opaque to clients ({@link #token()} / {@link
 * #parse}).
 *
 * @param horizon every change at or before it was reported, or existed when following started
 * @param seen the keys of the changes after the horizon already reported
 */
public record ChangeCursor(Instant horizon, Set<String> seen) {

    /**
     * Checks the cursor.
     *
     * @param horizon every change at or before it was reported, or existed when following started
     * @param seen the keys of the changes after the horizon already reported
     * @throws ValidationException naming {@code cursor.horizon} or {@code cursor.seen} when absent, or {@code
     *     cursor.seen} with a key that is not a change key
     */
    public ChangeCursor {
        horizon = Checks.required("cursor.horizon", horizon).truncatedTo(ChronoUnit.MICROS);
        seen = Set.copyOf(new LinkedHashSet<>(Checks.required("cursor.seen", seen)));
        for (String key : seen) {
            Checks.matches("cursor.seen", key, UsagerChange.KEY, "change keys");
        }
    }

    /**
     * A URL-safe token for this cursor.
     *
     * @return the token, read back by {@link #parse}
     */
    public String token() {
        String text = horizon + "|" + String.join(",", seen);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Reads a token made by {@link #token()}.
     *
     * @param token the token, as the client sent it back
     * @return the cursor
     * @throws ValidationException naming {@code cursor} when the token is not one of a change cursor
     */
    public static ChangeCursor parse(String token) {
        Checks.text("cursor", token, 20_000);
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            int bar = text.indexOf('|');
            if (bar < 0) {
                throw new ValidationException("cursor", token, "is not a change cursor");
            }
            String keys = text.substring(bar + 1);
            return new ChangeCursor(
                    Instant.parse(text.substring(0, bar)), keys.isEmpty() ? Set.of() : Set.of(keys.split(",", -1)));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new ValidationException("cursor", token, "is not a change cursor");
        }
    }
}
