package org.opengru.test.scheduling;

import org.opengru.scheduling.booking.BookingStore;

/** The store contract on the embedded in-memory store. */
class InMemoryBookingStoreTest extends BookingStoreContract {

    @Override
    protected BookingStore newStore() {
        return BookingStore.inMemory();
    }
}
