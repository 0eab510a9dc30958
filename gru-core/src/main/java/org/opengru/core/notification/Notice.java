package org.opengru.core.notification;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.opengru.core.id.EventId;
import org.opengru.core.id.UsagerId;
import org.opengru.core.tenancy.TenantId;

/**
 * What another module feeds the notification service: one event that matters to one usager. The event
 * id is the de-duplication key: the same event handed twice (a retried job, an at-least-once bus) gives
 * one notification.
 */
public sealed interface Notice permits RequestNotice, AppointmentNotice, UsagerNotice {

    /** The id of the domain event behind the notice. */
    EventId eventId();

    TenantId tenant();

    /** Who is told. */
    UsagerId usager();

    NotificationKind kind();

    Instant occurredAt();

    /** Values of the template's placeholders, without the braces. */
    Map<String, String> variables();

    List<Attachment> attachments();
}
