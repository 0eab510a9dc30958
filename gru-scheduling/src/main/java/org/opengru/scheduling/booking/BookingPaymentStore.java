package org.opengru.scheduling.booking;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.opengru.core.id.UsagerId;
import org.opengru.core.tenancy.TenantId;
import org.opengru.scheduling.hold.TrailEntry;
import org.opengru.scheduling.hold.UpdateResult;

/** Stores the payments of paying appointments, each change with its trail entry. */
public interface BookingPaymentStore {

    /**
     * Writes a new payment and its first trail entry, both or neither.
     *
     * @param payment the payment, version 0
     * @param entry its trail entry
     */
    void insert(BookingPayment payment, TrailEntry entry);

    /**
     * The payment of a hold.
     *
     * @param tenant the commune
     * @param hold the booking taken HELD for the payment
     * @return the payment, empty when the hold has none (a free appointment) or belongs to another commune
     */
    Optional<BookingPayment> find(TenantId tenant, BookingId hold);

    /**
     * Replaces {@code previous} by {@code next} if unchanged since (same version); {@code Stale} otherwise.
     * The trail entry is written with the change, or not at all.
     *
     * @param previous the payment as read
     * @param next the payment after the move
     * @param entry the move's trail entry
     * @return {@code Updated} with the payment as written, or {@code Stale} when another node changed it
     */
    UpdateResult<BookingPayment> update(BookingPayment previous, BookingPayment next, TrailEntry entry);

    /**
     * Payments awaiting payment, or paid for an appointment starting after {@code from}: to reconcile.
     *
     * @param tenant the commune
     * @param from the earliest start of a paid appointment still worth checking
     * @return the payments, in no particular order
     */
    List<BookingPayment> open(TenantId tenant, Instant from);

    /**
     * The usager's payments, for the RGPD subject access export.
     *
     * @param tenant the commune
     * @param usager the usager
     * @return their payments, empty when none
     */
    List<BookingPayment> ofUsager(TenantId tenant, UsagerId usager);

    /**
     * The trail of a payment: every move, oldest first.
     *
     * @param tenant the commune
     * @param hold the booking taken HELD for the payment
     * @return the entries, empty when the payment is unknown
     */
    List<TrailEntry> trail(TenantId tenant, BookingId hold);

    /**
     * Erasure: a random usager id in place of theirs on every payment but a refund still due (the money is
     * theirs, the comptable public needs to know whom to pay). Running it twice changes nothing more.
     *
     * @param tenant the commune
     * @param usager the usager erased
     * @return how many payments were detached
     */
    int detachUsager(TenantId tenant, UsagerId usager);

    /**
     * A store in memory, for tests and for a host without a database.
     *
     * @return a new, empty store
     */
    static BookingPaymentStore inMemory() {
        return new org.opengru.scheduling.booking.internal.InMemoryBookingPaymentStore();
    }
}
