package org.opengru.test.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opengru.core.catalogue.Procedure;
import org.opengru.core.catalogue.ProcedureCode;
import org.opengru.core.catalogue.ProcedureDefinitions;
import org.opengru.core.catalogue.ProcedureRef;
import org.opengru.core.catalogue.ProcedureStore;
import org.opengru.core.jdbc.PostgresPersistence;
import org.opengru.core.tenancy.TenantId;
import org.opengru.test.postgres.EmbeddedPostgresExtension;
import org.opengru.test.postgres.PostgresDatabase;

/**
 * The PostgreSQL catalogue keeps the versions it has read (they are immutable), yet every node sees a new
 * version at once and no version of a rolled-back transaction is ever served.
 */
@ExtendWith(EmbeddedPostgresExtension.class)
class PostgresProcedureStoreTest {

    private static final ProcedureCode TERRACE = ProcedureCode.of("autorisation-terrasse");

    private final PostgresDatabase db;

    PostgresProcedureStoreTest(PostgresDatabase db) {
        this.db = db;
        PostgresPersistence.builder(db.dataSource(), Clock.systemUTC()).build().migrate();
    }

    private PostgresPersistence node() {
        return PostgresPersistence.builder(db.newDataSource(), Clock.systemUTC())
                .build();
    }

    private static Procedure version(int version) {
        return new ProcedureDefinitions()
                .fromJson(GruCoreStoresContract.TERRACE.replace("\"version\": 1", "\"version\": " + version));
    }

    @Test
    void aVersionDefinedOnAnotherNodeIsTheLatestThereAtOnce() {
        TenantId tenant = TenantId.of("commune-kept-1");
        ProcedureStore a = node().procedureStore();
        ProcedureStore b = node().procedureStore();
        a.define(tenant, version(1));
        Procedure first = a.latest(tenant, TERRACE).orElseThrow();
        assertThat(first.version()).isEqualTo(1);
        // Read again: the kept version, not a new parse of the document.
        assertThat(a.latest(tenant, TERRACE).orElseThrow()).isSameAs(first);
        assertThat(a.find(tenant, new ProcedureRef(TERRACE, 1)).orElseThrow()).isSameAs(first);

        b.define(tenant, version(2));

        assertThat(a.latest(tenant, TERRACE).orElseThrow().version()).isEqualTo(2);
        assertThat(a.find(tenant, new ProcedureRef(TERRACE, 1)).orElseThrow()).isEqualTo(version(1));
        assertThat(a.latest(TenantId.of("commune-kept-other"), TERRACE)).isEmpty();
    }

    @Test
    void aVersionOfATransactionThatRolledBackIsNeverServed() {
        TenantId tenant = TenantId.of("commune-kept-2");
        PostgresPersistence node = node();
        ProcedureStore store = node.procedureStore();
        store.define(tenant, version(1));
        assertThatThrownBy(() -> node.transactions().run(c -> {
                    store.define(tenant, version(2));
                    assertThat(store.latest(tenant, TERRACE).orElseThrow().version())
                            .isEqualTo(2);
                    assertThat(store.find(tenant, new ProcedureRef(TERRACE, 2))).isPresent();
                    throw new IllegalStateException("the caller's transaction fails");
                }))
                .hasMessageContaining("the caller's transaction fails");

        assertThat(store.find(tenant, new ProcedureRef(TERRACE, 2))).isEmpty();
        assertThat(store.latest(tenant, TERRACE).orElseThrow().version()).isEqualTo(1);
    }
}
