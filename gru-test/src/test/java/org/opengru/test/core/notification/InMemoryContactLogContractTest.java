package org.opengru.test.core.notification;

import org.opengru.core.contact.ContactLog;

class InMemoryContactLogContractTest extends ContactLogContract {

    @Override
    protected ContactLog newLog() {
        return ContactLog.inMemory();
    }
}
