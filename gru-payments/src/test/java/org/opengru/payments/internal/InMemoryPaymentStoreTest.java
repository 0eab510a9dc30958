package org.opengru.payments.internal;

import org.opengru.payments.PaymentStore;
import org.opengru.payments.PaymentStoreContract;

class InMemoryPaymentStoreTest extends PaymentStoreContract {

    private final InMemoryPaymentStore store = new InMemoryPaymentStore();

    @Override
    protected PaymentStore store() {
        return store;
    }
}
