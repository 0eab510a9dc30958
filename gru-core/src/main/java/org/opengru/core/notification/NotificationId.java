package org.opengru.core.notification;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;
import org.opengru.core.internal.Checks;

/** Identifies one notification (time-ordered UUIDv7). */
public record NotificationId(@JsonValue UUID value) {

    public NotificationId {
        Checks.required("notificationId", value);
    }

    public static NotificationId of(UUID value) {
        return new NotificationId(value);
    }

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
