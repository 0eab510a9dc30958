package org.opengru.scheduling.usager;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.opengru.core.id.UsagerId;
import org.opengru.core.rgpd.ErasureOutcome;
import org.opengru.core.rgpd.ReadableExport;
import org.opengru.core.rgpd.SubjectDataContributor;
import org.opengru.core.tenancy.TenantId;
import org.opengru.scheduling.hold.TrailEntry;
import org.opengru.scheduling.registration.Registration;
import org.opengru.scheduling.registration.RegistrationService;
import org.opengru.scheduling.reservation.Reservation;
import org.opengru.scheduling.reservation.ReservationService;

/**
 * Reservations and registrations in subject access (RGPD art. 15) and erasure (art. 17), in the section
 * {@code reservations}: the usager's reservations with their pieces and trails, and their registrations
 * (as participant or as the one who registered) with their trails. Erasure cancels what is ahead in their
 * name (a freed place goes to the next person) and detaches the rest; an item whose refund is still due
 * stays theirs until the refund is recorded.
 */
public final class ReservationsSubjectData implements SubjectDataContributor {

    /** A piece provided, by its code and its document's reference. */
    public record Piece(String piece, String document) {}

    /** One trail entry as exported. */
    public record Step(
            String action,
            String actor,
            Instant at,
            @Nullable String fromStatus,
            String toStatus,
            @Nullable String detail) {
        /**
         * The exported form of a trail entry.
         *
         * @param e the trail entry
         * @return the step, its actor as text
         */
        public static Step of(TrailEntry e) {
            return new Step(e.action(), e.actor().toString(), e.at(), e.fromStatus(), e.toStatus(), e.detail());
        }
    }

    /** One reservation as exported. */
    public record ReservationExport(
            String id,
            String reservable,
            String category,
            Instant start,
            Instant end,
            String status,
            long priceCents,
            long depositCents,
            List<String> requiredPieces,
            List<Piece> providedPieces,
            @Nullable String paymentReference,
            @Nullable String decisionReason,
            Instant createdAt,
            List<Step> steps) {}

    /** One registration as exported. */
    public record RegistrationExport(
            String id,
            String session,
            String event,
            String participant,
            @Nullable String registeredBy,
            String status,
            long priceCents,
            @Nullable String paymentReference,
            Instant createdAt,
            List<Step> steps) {}

    private final ReservationService reservations;
    private final RegistrationService registrations;

    /**
     * A contributor over both services, which cancel and detach the erased usager's items.
     *
     * @param reservations the reservation service
     * @param registrations the registration service
     */
    public ReservationsSubjectData(ReservationService reservations, RegistrationService registrations) {
        this.reservations = Objects.requireNonNull(reservations, "reservations");
        this.registrations = Objects.requireNonNull(registrations, "registrations");
    }

    @Override
    public String section() {
        return "reservations";
    }

    @Override
    public Map<String, String> labels() {
        return ReadableExport.labels(getClass(), "reservations-labels.properties");
    }

    @Override
    public Object collect(TenantId tenant, UsagerId usager) {
        List<ReservationExport> rs = reservations.store().ofUsager(tenant, usager).stream()
                .map(r -> export(tenant, r))
                .toList();
        List<RegistrationExport> gs = registrations.store().ofUsager(tenant, usager).stream()
                .map(r -> export(tenant, r))
                .toList();
        return Map.of("reservationList", rs, "registrations", gs);
    }

    private ReservationExport export(TenantId tenant, Reservation r) {
        return new ReservationExport(
                r.id().toString(),
                r.reservable().value(),
                r.category().name(),
                r.start(),
                r.end(),
                r.status().name(),
                r.priceCents(),
                r.depositCents(),
                r.requiredPieces().stream().sorted().toList(),
                r.providedPieces().entrySet().stream()
                        .sorted(Map.Entry.comparingByKey())
                        .map(e -> new Piece(e.getKey(), e.getValue()))
                        .toList(),
                r.paymentReference(),
                r.decisionReason(),
                r.createdAt(),
                reservations.trail(tenant, r.id()).stream().map(Step::of).toList());
    }

    private RegistrationExport export(TenantId tenant, Registration r) {
        return new RegistrationExport(
                r.id().toString(),
                r.session().value(),
                r.event(),
                r.participant().toString(),
                r.registeredBy() == null ? null : r.registeredBy().toString(),
                r.status().name(),
                r.priceCents(),
                r.paymentReference(),
                r.createdAt(),
                registrations.trail(tenant, r.id()).stream().map(Step::of).toList());
    }

    @Override
    public ErasureOutcome erase(TenantId tenant, UsagerId usager) {
        int erased = reservations.eraseUsager(tenant, usager) + registrations.eraseUsager(tenant, usager);
        long kept = reservations.store().ofUsager(tenant, usager).size()
                + registrations.store().ofUsager(tenant, usager).size();
        return new ErasureOutcome(
                section(),
                erased,
                (int) kept,
                kept == 0 ? null : "kept until the refund due is recorded, or the session under way is over");
    }
}
