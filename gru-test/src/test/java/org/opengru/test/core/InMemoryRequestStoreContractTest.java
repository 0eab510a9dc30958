package org.opengru.test.core;

import org.opengru.core.request.RequestStore;

class InMemoryRequestStoreContractTest extends RequestStoreContract {

    private final RequestStore store = RequestStore.inMemory();

    @Override
    protected RequestStore store() {
        return store;
    }
}
