package org.opengru.scheduling.booking;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.opengru.core.id.UsagerId;
import org.opengru.core.idempotency.IdempotencyKey;
import org.opengru.core.tenancy.TenantId;
import org.opengru.scheduling.hours.Interval;
import org.opengru.scheduling.internal.Check;
import org.opengru.scheduling.model.AntsPreApplicationNumber;
import org.opengru.scheduling.model.ResourceId;
import org.opengru.scheduling.model.ServiceId;
import org.opengru.scheduling.model.SiteId;

/**
 * An appointment (rendez-vous) on one desk: the appointment itself {@code [start, end)} and the time the
 * desk is kept busy {@code [busyStart, busyEnd)}, buffers included. {@code sequence} counts the changes
 * of time or status, as iCalendar's SEQUENCE. The cancellation token is kept only as its SHA-256 hash.
 */
public record Booking(
        BookingId id,
        TenantId tenant,
        SiteId site,
        ServiceId service,
        ResourceId resource,
        UsagerId usager,
        int people,
        Instant start,
        Instant end,
        Instant busyStart,
        Instant busyEnd,
        BookingStatus status,
        @Nullable Instant holdExpiresAt,
        @Nullable AntsPreApplicationNumber antsNumber,
        @Nullable String cancelReason,
        int sequence,
        @Nullable IdempotencyKey idempotencyKey,
        String cancelTokenHash,
        Instant createdAt,
        Instant updatedAt) {

    public Booking {
        Check.required("booking.id", id);
        Check.required("booking.tenant", tenant);
        Check.required("booking.site", site);
        Check.required("booking.service", service);
        Check.required("booking.resource", resource);
        Check.required("booking.usager", usager);
        Check.required("booking.status", status);
        Check.that(end.isAfter(start), "booking.end", end, "must be after start " + start);
        Check.that(
                !busyStart.isAfter(start) && !busyEnd.isBefore(end),
                "booking.busy",
                busyStart + "/" + busyEnd,
                "must cover the appointment");
        Check.required("booking.cancelTokenHash", cancelTokenHash);
    }

    public Interval appointment() {
        return new Interval(start, end);
    }

    public Interval busy() {
        return new Interval(busyStart, busyEnd);
    }

    /** Whether the booking occupies its desk at {@code now} (a hold only until it expires). */
    public boolean occupiesDeskAt(Instant now) {
        if (status == BookingStatus.HELD) {
            return holdExpiresAt != null && holdExpiresAt.isAfter(now);
        }
        return status == BookingStatus.BOOKED;
    }

    /** A copy in another status, one sequence later. */
    public Booking withStatus(BookingStatus newStatus, @Nullable String reason, Instant at) {
        return new Booking(
                id,
                tenant,
                site,
                service,
                resource,
                usager,
                people,
                start,
                end,
                busyStart,
                busyEnd,
                newStatus,
                newStatus == BookingStatus.HELD ? holdExpiresAt : null,
                antsNumber,
                reason == null ? cancelReason : reason,
                sequence + 1,
                idempotencyKey,
                cancelTokenHash,
                createdAt,
                at);
    }

    /**
     * A copy detached from its usager (erasure): {@code stranger} in their place, without ANTS number,
     * idempotency key or cancellation reason; same sequence (not a lifecycle change).
     */
    public Booking anonymised(UsagerId stranger, Instant at) {
        return new Booking(
                id,
                tenant,
                site,
                service,
                resource,
                stranger,
                people,
                start,
                end,
                busyStart,
                busyEnd,
                status,
                holdExpiresAt,
                null,
                null,
                sequence,
                null,
                cancelTokenHash,
                createdAt,
                at);
    }

    /** A copy at another time or desk, one sequence later. */
    public Booking movedTo(ResourceId desk, Instant s, Instant e, Instant bs, Instant be, Instant at) {
        return new Booking(
                id,
                tenant,
                site,
                service,
                desk,
                usager,
                people,
                s,
                e,
                bs,
                be,
                status,
                holdExpiresAt,
                antsNumber,
                cancelReason,
                sequence + 1,
                idempotencyKey,
                cancelTokenHash,
                createdAt,
                at);
    }
}
