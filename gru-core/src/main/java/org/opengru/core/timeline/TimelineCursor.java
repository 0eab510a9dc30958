package org.opengru.core.timeline;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import org.opengru.core.error.ValidationException;
import org.opengru.core.internal.Checks;

/**
 * A keyset position in a timeline: the next page holds the entries strictly older than this one. Opaque
 * to clients ({@link #token()} / {@link #parse}).
 *
 * @param occurredAt the entry's time
 * @param entryId the entry's id
 */
public record TimelineCursor(Instant occurredAt, String entryId) {

    /**
     * Checks that both parts are present.
     *
     * @param occurredAt the entry's time
     * @param entryId the entry's id
     * @throws org.opengru.core.error.ValidationException naming {@code cursor.occurredAt} or {@code cursor.entryId}
     */
    public TimelineCursor {
        Checks.required("cursor.occurredAt", occurredAt);
        Checks.text("cursor.entryId", entryId, 200);
    }

    /**
     * A URL-safe token for this cursor.
     *
     * @return the token
     */
    public String token() {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((occurredAt + "|" + entryId).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Reads a token made by {@link #token()}.
     *
     * @param token the token
     * @return the cursor
     * @throws org.opengru.core.error.ValidationException naming {@code cursor} and the token when it is not one
     */
    public static TimelineCursor parse(String token) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            int bar = text.indexOf('|');
            if (bar < 0) {
                throw new ValidationException("cursor", token, "is not a timeline cursor");
            }
            return new TimelineCursor(Instant.parse(text.substring(0, bar)), text.substring(bar + 1));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new ValidationException("cursor", token, "is not a timeline cursor");
        }
    }
}
