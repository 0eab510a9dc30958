package org.opengru.test.core.notification;

import org.opengru.core.notification.NotificationStore;

class InMemoryNotificationStoreContractTest extends NotificationStoreContract {

    @Override
    protected NotificationStore newStore() {
        return NotificationStore.inMemory();
    }
}
