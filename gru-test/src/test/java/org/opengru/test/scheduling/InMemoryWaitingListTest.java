package org.opengru.test.scheduling;

import org.opengru.scheduling.booking.BookingStore;
import org.opengru.scheduling.booking.WaitingListStore;

/** The waiting-list contract on the embedded in-memory stores. */
class InMemoryWaitingListTest extends WaitingListContract {

    @Override
    protected BookingStore newStore() {
        return BookingStore.inMemory();
    }

    @Override
    protected WaitingListStore newWaitingList() {
        return WaitingListStore.inMemory();
    }
}
