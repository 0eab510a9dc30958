package org.opengru.core.notification;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.opengru.core.id.EventId;
import org.opengru.core.id.RequestId;
import org.opengru.core.id.UsagerId;
import org.opengru.core.internal.Checks;
import org.opengru.core.tenancy.TenantId;

/**
 * A notice about a request: received (with the accusé de réception attached), complement requested,
 * decided, new agent message. Replies to the e-mail are threaded back into the request.
 *
 * @param eventId the domain event behind it, the de-duplication key
 * @param tenant the collectivité
 * @param usager who is told
 * @param kind what happened
 * @param occurredAt when it happened
 * @param variables the values of the template's placeholders
 * @param attachments files sent with it (the accusé de réception, an invitation)
 * @param request the request it is about
 */
public record RequestNotice(
        EventId eventId,
        TenantId tenant,
        UsagerId usager,
        NotificationKind kind,
        Instant occurredAt,
        RequestId request,
        Map<String, String> variables,
        List<Attachment> attachments)
        implements Notice {

    /**
     * Checks every part and that the kind concerns a request.
     *
     * @param eventId the domain event behind it, the de-duplication key
     * @param tenant the collectivité
     * @param usager who is told
     * @param kind what happened
     * @param occurredAt when it happened
     * @param request the request it is about
     * @param variables the values of the template's placeholders
     * @param attachments files sent with it (the accusé de réception, an invitation)
     * @throws org.opengru.core.error.ValidationException naming the bad part
     */
    public RequestNotice {
        Checks.required("notice.eventId", eventId);
        Checks.required("notice.tenant", tenant);
        Checks.required("notice.usager", usager);
        Checks.required("notice.occurredAt", occurredAt);
        Checks.required("notice.request", request);
        Checks.check(Checks.required("notice.kind", kind).request(), "notice.kind", kind, "is not about a request");
        variables = Map.copyOf(Checks.required("notice.variables", variables));
        attachments = List.copyOf(Checks.required("notice.attachments", attachments));
        Checks.check(
                kind != NotificationKind.REQUEST_RECEIVED || !attachments.isEmpty(),
                "notice.attachments",
                "[]",
                "REQUEST_RECEIVED must carry the accusé de réception");
    }
}
