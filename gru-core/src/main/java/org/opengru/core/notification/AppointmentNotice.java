package org.opengru.core.notification;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.opengru.core.id.EventId;
import org.opengru.core.id.UsagerId;
import org.opengru.core.internal.Checks;
import org.opengru.core.tenancy.TenantId;

/**
 * A notice from the scheduling module about one appointment, carrying its status and start at the time
 * of the event. Every notice is kept, so that a reminder is checked against the appointment's latest
 * known status and start right before it is sent: never a reminder for a cancelled or moved appointment.
 *
 * @param appointmentId the scheduling module's id of the appointment
 * @param status the appointment's status when the event happened
 * @param startsAt the appointment's start when the event happened
 * @param eventId the domain event behind it, the de-duplication key
 * @param tenant the collectivité
 * @param usager who is told
 * @param kind what happened
 * @param occurredAt when it happened
 * @param variables the values of the template's placeholders
 * @param attachments files sent with it (the accusé de réception, an invitation)
 */
public record AppointmentNotice(
        EventId eventId,
        TenantId tenant,
        UsagerId usager,
        NotificationKind kind,
        Instant occurredAt,
        String appointmentId,
        AppointmentStatus status,
        Instant startsAt,
        Map<String, String> variables,
        List<Attachment> attachments)
        implements Notice {

    /**
     * Checks every part, and that the status suits the kind (no reminder for a cancelled appointment).
     *
     * @param eventId the domain event behind it, the de-duplication key
     * @param tenant the collectivité
     * @param usager who is told
     * @param kind what happened
     * @param occurredAt when it happened
     * @param appointmentId the scheduling module's id of the appointment
     * @param status the appointment's status when the event happened
     * @param startsAt the appointment's start when the event happened
     * @param variables the values of the template's placeholders
     * @param attachments files sent with it (the accusé de réception, an invitation)
     * @throws org.opengru.core.error.ValidationException naming the bad part
     */
    public AppointmentNotice {
        Checks.required("notice.eventId", eventId);
        Checks.required("notice.tenant", tenant);
        Checks.required("notice.usager", usager);
        Checks.required("notice.occurredAt", occurredAt);
        appointmentId = Checks.text("notice.appointmentId", appointmentId, 128);
        Checks.required("notice.status", status);
        Checks.required("notice.startsAt", startsAt);
        Checks.check(
                Checks.required("notice.kind", kind).appointment(), "notice.kind", kind, "is not about an appointment");
        Checks.check(consistent(kind, status), "notice.status", status, "does not match kind " + kind);
        variables = Map.copyOf(Checks.required("notice.variables", variables));
        attachments = List.copyOf(Checks.required("notice.attachments", attachments));
    }

    private static boolean consistent(NotificationKind kind, AppointmentStatus status) {
        return switch (kind) {
            case APPOINTMENT_BOOKED -> status == AppointmentStatus.BOOKED;
            case APPOINTMENT_REMINDER -> status.upcoming();
            case APPOINTMENT_CANCELLED -> status == AppointmentStatus.CANCELLED;
            case APPOINTMENT_RESCHEDULED -> status == AppointmentStatus.RESCHEDULED;
            case APPOINTMENT_RESTORED -> status == AppointmentStatus.RESTORED;
            case WAITING_LIST_OFFER -> status == AppointmentStatus.OFFERED;
            default -> false;
        };
    }
}
