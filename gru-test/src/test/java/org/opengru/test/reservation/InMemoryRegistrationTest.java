package org.opengru.test.reservation;

import org.opengru.scheduling.registration.RegistrationStore;

/** The registration contract on the in-memory store. */
class InMemoryRegistrationTest extends RegistrationContract {

    @Override
    protected RegistrationStore newStore() {
        return RegistrationStore.inMemory();
    }
}
