package org.opengru.core.notification;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.opengru.core.id.EventId;
import org.opengru.core.id.UsagerId;
import org.opengru.core.internal.Checks;
import org.opengru.core.tenancy.TenantId;

/** A notice about neither a request nor an appointment: a document about to expire, a survey. */
public record UsagerNotice(
        EventId eventId,
        TenantId tenant,
        UsagerId usager,
        NotificationKind kind,
        Instant occurredAt,
        Map<String, String> variables,
        List<Attachment> attachments)
        implements Notice {

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
