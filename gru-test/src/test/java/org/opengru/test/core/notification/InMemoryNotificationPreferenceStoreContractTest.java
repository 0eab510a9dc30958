package org.opengru.test.core.notification;

import org.opengru.core.notification.NotificationPreferenceStore;

class InMemoryNotificationPreferenceStoreContractTest extends NotificationPreferenceStoreContract {

    @Override
    protected NotificationPreferenceStore newStore() {
        return NotificationPreferenceStore.inMemory();
    }
}
