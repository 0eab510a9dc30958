package org.opengru.core.notification;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.opengru.core.id.EventId;
import org.opengru.core.id.UsagerId;
import org.opengru.core.internal.Checks;
import org.opengru.core.tenancy.TenantId;

/**
 * A notice about neither a request nor an appointment: a document about to expire, a survey.
 *
 * @param eventId the domain event behind it, the de-duplication key
 * @param tenant the collectivité
 * @param usager who is told
 * @param kind what happened
 * @param occurredAt when it happened
 * @param variables the values of the template's placeholders
 * @param attachments files sent with it (the accusé de réception, an invitation)
 */
public record UsagerNotice(
        EventId eventId,
        TenantId tenant,
        UsagerId usager,
        NotificationKind kind,
        Instant occurredAt,
        Map<String, String> variables,
        List<Attachment> attachments)
        implements Notice {

    /**
     * Checks every part and that the kind concerns neither a request nor an appointment.
     *
     * @param eventId the domain event behind it, the de-duplication key
     * @param tenant the collectivité
     * @param usager who is told
     * @param kind what happened
     * @param occurredAt when it happened
     * @param variables the values of the template's placeholders
     * @param attachments files sent with it (the accusé de réception, an invitation)
     * @throws org.opengru.core.error.ValidationException naming the bad part
     */
    public UsagerNotice {
        Checks.required("notice.eventId", eventId);
        Checks.required("notice.tenant", tenant);
        Checks.required("notice.usager", usager);
        Checks.required("notice.occurredAt", occurredAt);
        Checks.check(
                !Checks.required("notice.kind", kind).request() && !kind.appointment(),
                "notice.kind",
                kind,
                "needs a RequestNotice or an AppointmentNotice");
        variables = Map.copyOf(Checks.required("notice.variables", variables));
        attachments = List.copyOf(Checks.required("notice.attachments", attachments));
    }
}
