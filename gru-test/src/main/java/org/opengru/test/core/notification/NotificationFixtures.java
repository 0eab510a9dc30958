package org.opengru.test.core.notification;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opengru.core.id.EventId;
import org.opengru.core.id.RequestId;
import org.opengru.core.id.UsagerId;
import org.opengru.core.notification.AppointmentStatus;
import org.opengru.core.notification.Attachment;
import org.opengru.core.notification.Notification;
import org.opengru.core.notification.NotificationId;
import org.opengru.core.notification.NotificationKind;
import org.opengru.core.notification.NotificationStatus;
import org.opengru.core.notification.RenderedMessage;
import org.opengru.core.tenancy.TenantId;
import org.opengru.core.usager.NotificationChannel;
import org.opengru.core.value.EmailAddress;

/** Ready-made notifications for store tests. */
public final class NotificationFixtures {

    private NotificationFixtures() {}

    /** A queued notification about a request, due at {@code at}. */
    public static Notification queued(
            TenantId tenant, UsagerId usager, EventId source, NotificationKind kind, Instant at) {
        return notification(tenant, usager, source, kind, at, null, null, null);
    }

    /** A queued notification about an appointment. */
    public static Notification appointment(
            TenantId tenant,
            UsagerId usager,
            NotificationKind kind,
            Instant occurredAt,
            String appointmentId,
            AppointmentStatus status,
            Instant startsAt) {
        return notification(
                tenant, usager, EventId.of(UUID.randomUUID()), kind, occurredAt, appointmentId, status, startsAt);
    }

    private static Notification notification(
            TenantId tenant,
            UsagerId usager,
            EventId source,
            NotificationKind kind,
            Instant at,
            @Nullable String appointmentId,
            @Nullable AppointmentStatus status,
            @Nullable Instant startsAt) {
        return new Notification(
                NotificationId.of(UUID.randomUUID()),
                tenant,
                usager,
                source,
                kind,
                at,
                appointmentId == null ? RequestId.of(UUID.randomUUID()) : null,
                appointmentId,
                status,
                startsAt,
                new RenderedMessage("Objet é", "Texte « accentué »", "<p>HTML</p>", "SMS €"),
                List.of(new Attachment("ar.pdf", "application/pdf", new byte[] {37, 80, 68, 70})),
                EmailAddress.parse("usager@exemple.fr"),
                null,
                null,
                List.of(NotificationChannel.EMAIL, NotificationChannel.PORTAL),
                0,
                0,
                NotificationStatus.QUEUED,
                at,
                at,
                List.of());
    }
}
