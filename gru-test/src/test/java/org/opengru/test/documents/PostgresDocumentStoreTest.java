package org.opengru.test.documents;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opengru.documents.store.DocumentStore;
import org.opengru.test.postgres.EmbeddedPostgresExtension;
import org.opengru.test.postgres.PostgresDatabase;

/** The store contract on a real PostgreSQL, with the migration from the gru-documents jar. */
@ExtendWith(EmbeddedPostgresExtension.class)
class PostgresDocumentStoreTest extends DocumentStoreContract {
    private static PostgresDatabase db;

    @BeforeAll
    static void migrate(PostgresDatabase database) {
        db = database;
        assertThat(DocumentStore.migrations().migrate(db.dataSource()))
                .isEqualTo(DocumentStore.migrations().scripts().size());
        assertThat(DocumentStore.migrations().migrate(db.dataSource()))
                .as("a second node: nothing to do")
                .isZero();
    }

    @Override
    protected DocumentStore newStore() {
        db.execute("TRUNCATE gru_document, gru_document_version, gru_document_key, gru_document_consent,"
                + " gru_document_attachment, gru_document_proof");
        return DocumentStore.postgres(db.dataSource());
    }

    @Test
    void erasedKeysAreReallyGoneFromTheTable() {
        // Crypto-shredding must not leave the key in a soft-deleted row.
        db.execute("DO $$ BEGIN IF EXISTS (SELECT 1 FROM gru_document_key k LEFT JOIN gru_document_version v"
                + " USING (tenant_id, document_id, version) WHERE v.document_id IS NULL)"
                + " THEN RAISE EXCEPTION 'orphan key'; END IF; END $$");
    }
}
