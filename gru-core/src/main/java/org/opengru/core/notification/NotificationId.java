package org.opengru.core.notification;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;
import org.opengru.core.internal.Checks;

/**
 * Identifies one notification (time-ordered UUIDv7).
 *
 * @param value the UUID
 */
public record NotificationId(@JsonValue UUID value) {

    /**
     * Checks that the UUID is present.
     *
     * @param value the UUID
     * @throws org.opengru.core.error.ValidationException naming {@code notificationId} when missing
     */
    public NotificationId {
        Checks.required("notificationId", value);
    }

    /**
     * Wraps a notification's UUID.
     *
     * @param value the UUID
     * @return the id
     */
    public static NotificationId of(UUID value) {
        return new NotificationId(value);
    }

    /**
     * Parses the canonical text form.
     *
     * @param text the 36-character form
     * @return the id
     * @throws org.opengru.core.error.ValidationException naming {@code notificationId} when malformed
     */
    @JsonCreator
    public static NotificationId parse(String text) {
        try {
            return new NotificationId(UUID.fromString(Checks.required("notificationId", text)));
        } catch (IllegalArgumentException e) {
            throw new org.opengru.core.error.ValidationException("notificationId", text, "must be a UUID");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
