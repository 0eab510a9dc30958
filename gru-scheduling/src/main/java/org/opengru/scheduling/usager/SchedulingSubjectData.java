package org.opengru.scheduling.usager;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.opengru.core.id.UsagerId;
import org.opengru.core.rgpd.ErasureOutcome;
import org.opengru.core.rgpd.SubjectDataContributor;
import org.opengru.core.tenancy.TenantId;
import org.opengru.scheduling.booking.AuditEntry;
import org.opengru.scheduling.booking.Booking;
import org.opengru.scheduling.booking.BookingPaymentStatus;
import org.opengru.scheduling.booking.BookingPayments;
import org.opengru.scheduling.booking.BookingService;
import org.opengru.scheduling.booking.BookingStatus;

/**
 * The appointments' share of subject access (RGPD art. 15) and erasure (art. 17), in the section
 * {@code appointments}. The export holds every booking of the usager with its trail, the no-show count
 * and their places on waiting lists. Erasure takes them off every waiting list, cancels the appointments
 * still ahead in the usager's name (their slots go to the waiting list), releases their holds, then
 * detaches every booking from them: the agenda keeps that a desk was taken at that time, not by whom.
 * Nothing is kept: an appointment is no administrative record.
 *
 * <pre>{@code
 * List<SubjectDataContributor> all = new ArrayList<>(CoreSubjectData.contributors(...));
 * all.add(new SchedulingSubjectData(bookingService));
 * SubjectAccess access = new SubjectAccess(clock, usagers, requests, all);
 * }</pre>
 */
public final class SchedulingSubjectData implements SubjectDataContributor {

    /**
     * One appointment as exported.
     *
     * @param id the booking
     * @param site the site
     * @param service the service (motif)
     * @param desk the desk
     * @param start the appointment's start
     * @param end its end
     * @param status where it stands
     * @param people how many people
     * @param antsNumber the pré-demande ANTS number, or {@code null}
     * @param cancelReason the agent's cancellation reason, or {@code null}
     * @param createdAt when it was made
     * @param updatedAt when it last changed
     * @param trail its audit trail
     */
    public record Appointment(
            String id,
            String site,
            String service,
            String desk,
            Instant start,
            Instant end,
            BookingStatus status,
            int people,
            @Nullable String antsNumber,
            @Nullable String cancelReason,
            Instant createdAt,
            Instant updatedAt,
            List<AuditEntry> trail) {}

    /** The payment of a paying appointment as exported. */
    public record Payment(
            String hold,
            Instant start,
            long amountCents,
            BookingPaymentStatus status,
            @Nullable String booking,
            @Nullable String paymentReference,
            Instant createdAt,
            List<ReservationsSubjectData.Step> steps) {}

    private final BookingService bookings;
    private final @Nullable BookingPayments payments;

    /**
     * A contributor over the booking service (which cancels and detaches the erased usager's appointments).
     *
     * @param bookings the booking service
     */
    public SchedulingSubjectData(BookingService bookings) {
        this.bookings = Objects.requireNonNull(bookings, "bookings");
        this.payments = null;
    }

    /**
     * With the payments of paying appointments, exported and detached with them.
     *
     * @param bookings the booking service
     * @param payments the payments of paying appointments
     */
    public SchedulingSubjectData(BookingService bookings, BookingPayments payments) {
        this.bookings = Objects.requireNonNull(bookings, "bookings");
        this.payments = Objects.requireNonNull(payments, "payments");
    }

    @Override
    public java.util.Map<String, String> labels() {
        return org.opengru.core.rgpd.ReadableExport.labels(getClass(), "subject-access-labels.properties");
    }

    @Override
    public String section() {
        return "appointments";
    }

    @Override
    public Object collect(TenantId tenant, UsagerId usager) {
        List<Appointment> appointments = new ArrayList<>();
        for (Booking b : bookings.store().ofUsager(tenant, usager)) {
            appointments.add(new Appointment(
                    b.id().toString(),
                    b.site().value(),
                    b.service().value(),
                    b.resource().value(),
                    b.start(),
                    b.end(),
                    b.status(),
                    b.people(),
                    b.antsNumber() == null ? null : b.antsNumber().value(),
                    b.cancelReason(),
                    b.createdAt(),
                    b.updatedAt(),
                    bookings.store().audit(tenant, b.id())));
        }
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        out.put("appointments", appointments);
        out.put("noShows", bookings.noShowCount(tenant, usager));
        out.put("waitingLists", bookings.waitingListsOf(tenant, usager));
        if (payments != null) {
            out.put(
                    "payments",
                    payments.store().ofUsager(tenant, usager).stream()
                            .map(p -> new Payment(
                                    p.hold().toString(),
                                    p.start(),
                                    p.amountCents(),
                                    p.status(),
                                    p.booking() == null ? null : p.booking().toString(),
                                    p.paymentReference(),
                                    p.createdAt(),
                                    payments.trail(tenant, p.hold()).stream()
                                            .map(ReservationsSubjectData.Step::of)
                                            .toList()))
                            .toList());
        }
        return out;
    }

    @Override
    public ErasureOutcome erase(TenantId tenant, UsagerId usager) {
        int erased =
                bookings.eraseUsager(tenant, usager) + (payments == null ? 0 : payments.eraseUsager(tenant, usager));
        return new ErasureOutcome(section(), erased, 0, null);
    }
}
