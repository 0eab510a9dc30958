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
 *
 * @param id the booking
 * @param tenant the collectivité
 * @param site the site
 * @param service the service (motif)
 * @param resource the desk (guichet)
 * @param usager the usager
 * @param people how many people come together
 * @param start the appointment's start
 * @param end the appointment's end
 * @param busyStart the start of the desk's busy time, before-buffer included
 * @param busyEnd the end of the desk's busy time, after-buffer included
 * @param status where the booking stands
 * @param holdExpiresAt when a hold lapses, or {@code null} for a booking
 * @param antsNumber the pré-demande ANTS number, or {@code null}
 * @param cancelReason the reason of an agent's cancellation, or {@code null}
 * @param sequence the number of changes since its creation (0 at first)
 * @param idempotencyKey the key of the request that made it, or {@code null}
 * @param cancelTokenHash the SHA-256 of the cancellation link's secret (never the secret)
 * @param createdAt when it was made
 * @param updatedAt when it last changed
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

    /**
     * Checks the booking.
     *
     * @param id the booking
     * @param tenant the collectivité
     * @param site the site
     * @param service the service (motif)
     * @param resource the desk (guichet)
     * @param usager the usager
     * @param people how many people come together
     * @param start the appointment's start
     * @param end the appointment's end
     * @param busyStart the start of the desk's busy time, before-buffer included
     * @param busyEnd the end of the desk's busy time, after-buffer included
     * @param status where the booking stands
     * @param holdExpiresAt when a hold lapses, or {@code null} for a booking
     * @param antsNumber the pré-demande ANTS number, or {@code null}
     * @param cancelReason the reason of an agent's cancellation, or {@code null}
     * @param sequence the number of changes since its creation (0 at first)
     * @param idempotencyKey the key of the request that made it, or {@code null}
     * @param cancelTokenHash the SHA-256 of the cancellation link's secret (never the secret)
     * @param createdAt when it was made
     * @param updatedAt when it last changed
     * @throws org.opengru.core.error.ValidationException naming the missing or inconsistent field (an end before the
     *     start, a busy time that does not cover the appointment...)
     */
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

    /**
     * The appointment itself, without the buffers.
     *
     * @return {@code [start, end)}
     */
    public Interval appointment() {
        return new Interval(start, end);
    }

    /**
     * The time the desk is busy: the appointment with the service's buffers before and after.
     *
     * @return {@code [busyStart, busyEnd)}
     */
    public Interval busy() {
        return new Interval(busyStart, busyEnd);
    }

    /**
     * Whether the booking occupies its desk at {@code now} (a hold only until it expires).
     *
     * @param now the current time
     * @return {@code true} while it holds the desk
     */
    public boolean occupiesDeskAt(Instant now) {
        if (status == BookingStatus.HELD) {
            return holdExpiresAt != null && holdExpiresAt.isAfter(now);
        }
        return status == BookingStatus.BOOKED;
    }

    /**
     * A copy in another status, one sequence later.
     *
     * @param newStatus the status the lifecycle table leads to
     * @param reason the cancellation reason, or {@code null}
     * @param at when it changed
     * @return the copy
     */
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
     *
     * @param stranger a random usager id, unlinkable to the person
     * @param at when it was anonymised
     * @return the copy
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

    /**
     * A copy at another time or desk, one sequence later.
     *
     * @param desk the new desk
     * @param s the new start
     * @param e the new end
     * @param bs the new busy start
     * @param be the new busy end
     * @param at when it moved
     * @return the copy
     */
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
