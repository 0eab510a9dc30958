package org.opengru.core.notification.internal;

import org.opengru.core.notification.Notification;
import org.opengru.core.notification.NotificationPreferences;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** JSON form of notifications (outbox payload, PostgreSQL column) and preferences. */
public final class NotificationCodec {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private NotificationCodec() {}

    public static String toJson(Notification n) {
        return JSON.writeValueAsString(n);
    }

    /** Reads a notification; a malformed document is an {@link IllegalArgumentException}. */
    public static Notification fromJson(String json) {
        try {
            return JSON.readValue(json, Notification.class);
        } catch (JacksonException | org.opengru.core.error.GruException e) {
            throw new IllegalArgumentException("malformed notification: " + e.getMessage(), e);
        }
    }

    public static String toJson(NotificationPreferences p) {
        return JSON.writeValueAsString(p);
    }

    public static NotificationPreferences preferencesFromJson(String json) {
        return JSON.readValue(json, NotificationPreferences.class);
    }
}
