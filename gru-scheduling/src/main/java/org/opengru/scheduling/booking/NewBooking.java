package org.opengru.scheduling.booking;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.opengru.core.id.UsagerId;
import org.opengru.core.idempotency.IdempotencyKey;
import org.opengru.core.tenancy.TenantId;
import org.opengru.scheduling.internal.Check;
import org.opengru.scheduling.model.AntsPreApplicationNumber;
import org.opengru.scheduling.model.ResourceId;
import org.opengru.scheduling.model.ServiceId;
import org.opengru.scheduling.model.SiteId;

/**
 * A booking to insert, already validated by the service: the store takes the first of {@code desks} that
 * is free for {@code [busyStart, busyEnd)}, atomically, or reports the slot taken.
 *
 * @param status {@link BookingStatus#BOOKED} or {@link BookingStatus#HELD} (then with {@code holdExpiresAt})
 * @param maxHolds for a hold, how many unexpired holds the usager may have for the service, this one
 *     included: the store refuses it beyond ({@link InsertOutcome.HoldLimitReached}); the service's {@link
 *     org.opengru.scheduling.model.Service#maxHolds()}
 * @param id the booking
 * @param tenant the collectivité
 * @param site the site
 * @param service the service (motif)
 * @param desks the desks it may take, in order of preference
 * @param usager the usager
 * @param people how many people come together
 * @param start the start
 * @param end the end, exclusive
 * @param busyStart the start of the desk's busy time, before-buffer included
 * @param busyEnd the end of the desk's busy time, after-buffer included
 * @param holdExpiresAt when a hold lapses, or {@code null} for a booking
 * @param antsNumber the pré-demande ANTS number, or {@code null}
 * @param idempotencyKey the key of the request that made it, or {@code null}
 * @param cancelTokenHash the SHA-256 of the cancellation link's secret (never the secret)
 */
public record NewBooking(
        BookingId id,
        TenantId tenant,
        SiteId site,
        ServiceId service,
        List<ResourceId> desks,
        UsagerId usager,
        int people,
        Instant start,
        Instant end,
        Instant busyStart,
        Instant busyEnd,
        BookingStatus status,
        @Nullable Instant holdExpiresAt,
        @Nullable AntsPreApplicationNumber antsNumber,
        @Nullable IdempotencyKey idempotencyKey,
        String cancelTokenHash,
        int maxHolds) {

    /**
     * Checks the new booking and copies its desks.
     *
     * @param id the booking
     * @param tenant the collectivité
     * @param site the site
     * @param service the service (motif)
     * @param desks the desks it may take, in order of preference
     * @param usager the usager
     * @param people how many people come together
     * @param start the start
     * @param end the end, exclusive
     * @param busyStart the start of the desk's busy time, before-buffer included
     * @param busyEnd the end of the desk's busy time, after-buffer included
     * @param status {@link BookingStatus#BOOKED} or {@link BookingStatus#HELD} (then with {@code holdExpiresAt})
     * @param holdExpiresAt when a hold lapses, or {@code null} for a booking
     * @param antsNumber the pré-demande ANTS number, or {@code null}
     * @param idempotencyKey the key of the request that made it, or {@code null}
     * @param cancelTokenHash the SHA-256 of the cancellation link's secret (never the secret)
     * @param maxHolds for a hold, how many unexpired holds the usager may have for the service, this one included: the
     *     store refuses it beyond ({@link InsertOutcome.HoldLimitReached}); the service's {@link
     *     org.opengru.scheduling.model.Service#maxHolds()}
     * @throws org.opengru.core.error.ValidationException naming the field out of range
     */
    public NewBooking {
        desks = List.copyOf(desks);
        Check.that(maxHolds >= 1, "maxHolds", maxHolds, "must be at least 1");
        Check.that(!desks.isEmpty(), "desks", desks, "must name at least one desk");
        Check.that(
                status == BookingStatus.BOOKED || (status == BookingStatus.HELD && holdExpiresAt != null),
                "status",
                status,
                "must be BOOKED, or HELD with an expiry");
    }

    /**
     * The booking as stored on {@code desk}.
     *
     * @param desk the desk it takes
     * @param at when it was made
     * @return the booking
     */
    public Booking on(ResourceId desk, Instant at) {
        return new Booking(
                id,
                tenant,
                site,
                service,
                desk,
                usager,
                people,
                start,
                end,
                busyStart,
                busyEnd,
                status,
                holdExpiresAt,
                antsNumber,
                null,
                0,
                idempotencyKey,
                cancelTokenHash,
                at,
                at);
    }
}
