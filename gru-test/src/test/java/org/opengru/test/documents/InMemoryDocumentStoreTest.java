package org.opengru.test.documents;

import org.opengru.documents.store.DocumentStore;

class InMemoryDocumentStoreTest extends DocumentStoreContract {
    @Override
    protected DocumentStore newStore() {
        return DocumentStore.inMemory();
    }
}
