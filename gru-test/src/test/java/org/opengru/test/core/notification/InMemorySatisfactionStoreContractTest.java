package org.opengru.test.core.notification;

import org.opengru.core.satisfaction.SatisfactionStore;

class InMemorySatisfactionStoreContractTest extends SatisfactionStoreContract {

    @Override
    protected SatisfactionStore newStore() {
        return SatisfactionStore.inMemory();
    }
}
