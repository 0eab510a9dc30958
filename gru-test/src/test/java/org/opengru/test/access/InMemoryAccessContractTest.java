package org.opengru.test.access;

import org.opengru.core.catalogue.ProcedureStore;
import org.opengru.core.contact.ContactLog;
import org.opengru.core.exchange.ExchangeStore;
import org.opengru.core.id.ReferenceSequence;
import org.opengru.core.request.RequestStore;
import org.opengru.core.satisfaction.SatisfactionStore;
import org.opengru.core.tenancy.TeamDirectory;
import org.opengru.core.usager.MandateStore;
import org.opengru.core.usager.UsagerStore;
import org.opengru.documents.store.DocumentStore;
import org.opengru.scheduling.booking.BookingStore;
import org.opengru.test.MutableClock;

class InMemoryAccessContractTest extends AccessContract {

    @Override
    protected Stores newStores(MutableClock clock) {
        return new Stores(
                RequestStore.inMemory(),
                ExchangeStore.inMemory(),
                UsagerStore.inMemory(),
                MandateStore.inMemory(),
                TeamDirectory.inMemory(),
                ProcedureStore.inMemory(),
                ReferenceSequence.inMemory(),
                ContactLog.inMemory(),
                SatisfactionStore.inMemory(),
                DocumentStore.inMemory(),
                BookingStore.inMemory());
    }
}
