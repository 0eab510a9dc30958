package org.opengru.reports;

import java.util.Objects;
import java.util.UUID;
import org.opengru.core.error.ValidationException;

/**
 * Identifies a signalement within a collectivité; also its public reference (random, unguessable).
 *
 * @param value the UUID
 */
public record ReportId(UUID value) {

    /**
     * Checks that the UUID is present.
     *
     * @param value the UUID
     * @throws NullPointerException when it is missing
     */
    public ReportId {
        Objects.requireNonNull(value, "value");
    }

    /**
     * Parses the canonical text form; a malformed value is a {@link ValidationException}.
     *
     * @param text the 36-character canonical form
     * @return the id
     */
    public static ReportId parse(String text) {
        try {
            return new ReportId(UUID.fromString(Objects.requireNonNull(text, "text")));
        } catch (IllegalArgumentException e) {
            throw new ValidationException("report", text, "must be a report id");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
