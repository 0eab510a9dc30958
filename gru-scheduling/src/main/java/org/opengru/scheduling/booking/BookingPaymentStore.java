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

    void insert(BookingPayment payment, TrailEntry entry);

    Optional<BookingPayment> find(TenantId tenant, BookingId hold);

    /** Replaces {@code previous} by {@code next} if unchanged since (same version); {@code Stale} otherwise. */
    UpdateResult<BookingPayment> update(BookingPayment previous, BookingPayment next, TrailEntry entry);

    /** Payments awaiting payment, or paid for an appointment starting after {@code from}: to reconcile. */
    List<BookingPayment> open(TenantId tenant, Instant from);

    List<BookingPayment> ofUsager(TenantId tenant, UsagerId usager);

    List<TrailEntry> trail(TenantId tenant, BookingId hold);

    /** Erasure: a random usager id in place of theirs on every payment but a refund still due. */
    int detachUsager(TenantId tenant, UsagerId usager);

    static BookingPaymentStore inMemory() {
        return new org.opengru.scheduling.booking.internal.InMemoryBookingPaymentStore();
    }
}
