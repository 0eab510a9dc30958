package org.opengru.test.reservation;

import org.opengru.scheduling.reservation.ReservationStore;

/** The reservation contract on the in-memory store. */
class InMemoryReservationTest extends ReservationContract {

    @Override
    protected ReservationStore newStore() {
        return ReservationStore.inMemory();
    }
}
