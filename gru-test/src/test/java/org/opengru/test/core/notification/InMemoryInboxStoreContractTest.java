package org.opengru.test.core.notification;

import org.opengru.core.notification.inbox.InboxStore;

class InMemoryInboxStoreContractTest extends InboxStoreContract {

    @Override
    protected InboxStore newStore() {
        return InboxStore.inMemory();
    }
}
