package org.opengru.scheduling.notification;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.opengru.core.notification.AppointmentStatus;
import org.opengru.core.notification.AppointmentStatusLookup;
import org.opengru.core.tenancy.TenantId;
import org.opengru.scheduling.booking.Booking;
import org.opengru.scheduling.booking.BookingId;
import org.opengru.scheduling.booking.BookingStore;

/**
 * The booking store as gru-core's {@link AppointmentStatusLookup}: right before a reminder goes out, the
 * notification service reads the booking as it stands, so that a cancelled, moved or past appointment
 * gets no reminder, whatever the order in which notices arrived. Give it to {@code
 * NotificationService.Builder#appointmentStatus}.
 */
public final class BookingAppointmentStatus implements AppointmentStatusLookup {

    private final BookingStore store;
    private final Clock clock;

    /**
     * A lookup over the bookings.
     *
     * @param store the bookings
     * @param clock now, to tell a past appointment
     */
    public BookingAppointmentStatus(BookingStore store, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Optional<State> current(TenantId tenant, String appointmentId) {
        BookingId id;
        try {
            id = BookingId.of(UUID.fromString(appointmentId));
        } catch (IllegalArgumentException notOurs) {
            return Optional.empty();
        }
        return store.find(tenant, id).map(b -> new State(status(b), b.start()));
    }

    private AppointmentStatus status(Booking b) {
        return switch (b.status()) {
            case BOOKED -> AppointmentStatus.BOOKED;
            // A hold is an offer until it runs out, whether or not the reaper has marked it yet.
            case HELD -> b.occupiesDeskAt(clock.instant()) ? AppointmentStatus.OFFERED : AppointmentStatus.CANCELLED;
            case EXPIRED, CANCELLED_BY_USAGER, CANCELLED_BY_AGENT -> AppointmentStatus.CANCELLED;
            case ATTENDED -> AppointmentStatus.ATTENDED;
            case NO_SHOW -> AppointmentStatus.NO_SHOW;
        };
    }
}
