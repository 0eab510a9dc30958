package org.opengru.test.reservation;

import org.opengru.scheduling.booking.BookingPaymentStore;
import org.opengru.scheduling.booking.BookingStore;

/** Paying appointments on the in-memory stores. */
class InMemoryBookingPaymentsTest extends BookingPaymentsContract {

    @Override
    protected BookingStore newBookingStore() {
        return BookingStore.inMemory();
    }

    @Override
    protected BookingPaymentStore newPaymentStore() {
        return BookingPaymentStore.inMemory();
    }
}
