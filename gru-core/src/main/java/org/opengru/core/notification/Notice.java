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

    /**
     * The id of the domain event behind the notice.
     *
     * @return the event's id
     */
    EventId eventId();

    /**
     * The collectivité.
     *
     * @return the collectivité
     */
    TenantId tenant();

    /**
     * Who is told.
     *
     * @return the usager
     */
    UsagerId usager();

    /**
     * What happened.
     *
     * @return the kind
     */
    NotificationKind kind();

    /**
     * When it happened.
     *
     * @return the instant
     */
    Instant occurredAt();

    /**
     * Values of the template's placeholders, without the braces.
     *
     * @return the values
     */
    Map<String, String> variables();

    /**
     * Files to send with the notification.
     *
     * @return the attachments, possibly none
     */
    List<Attachment> attachments();
}
