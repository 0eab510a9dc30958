package org.opengru.test.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opengru.core.GruCore;
import org.opengru.core.jdbc.PostgresPersistence;
import org.opengru.core.outbox.OutboxRecord;
import org.opengru.core.request.RequestEvent;
import org.opengru.test.postgres.EmbeddedPostgresExtension;
import org.opengru.test.postgres.PostgresDatabase;

/** Every core store on PostgreSQL; also checks that every published event reached the outbox, in order. */
@ExtendWith(EmbeddedPostgresExtension.class)
class PostgresGruCoreStoresContractTest extends GruCoreStoresContract {

    private final PostgresPersistence pg;
    private final PostgresDatabase db;

    PostgresGruCoreStoresContractTest(PostgresDatabase db) {
        this.db = db;
        pg = PostgresPersistence.builder(db.dataSource(), clock)
                .outboxSubscribers(Set.of("logiciel-metier"))
                .build();
        pg.migrate();
    }

    @Override
    protected GruCore core() {
        return GruCore.builder()
                .clock(clock)
                .requestStore(pg.requestStore())
                .exchangeStore(pg.exchangeStore())
                .procedureStore(pg.procedureStore())
                .usagerStore(pg.usagerStore())
                .mandateStore(pg.mandateStore())
                .teamDirectory(pg.teamDirectory())
                .referenceSequence(pg.referenceSequence())
                .build();
    }

    @AfterEach
    void everyPublishedEventIsInTheOutboxInOrderAndEveryChainHolds() {
        // The relay reads the request events from the log: per request, in webhook sequence.
        List<String> publishedIds =
                published.stream().map(e -> e.eventId().toString()).toList();
        List<String> outboxIds = new java.util.ArrayList<>();
        for (String request : requestIds()) {
            List<String> stream = pg.outbox().stream("logiciel-metier", tenant.value(), "request", request).stream()
                    .sorted(java.util.Comparator.comparingLong(OutboxRecord::streamSequence))
                    .map(r -> r.message().eventId().toString())
                    .toList();
            assertThat(stream)
                    .as("the events of request %s, in the order they were published", request)
                    .containsExactlyElementsOf(
                            publishedIds.stream().filter(stream::contains).toList());
            outboxIds.addAll(stream);
        }
        assertThat(outboxIds).containsExactlyInAnyOrderElementsOf(publishedIds);
        published.stream()
                .filter(RequestEvent.class::isInstance)
                .map(e -> ((RequestEvent) e).requestId())
                .distinct()
                .forEach(id ->
                        assertThat(pg.auditTrail().verify(tenant, id).valid()).isTrue());
    }

    private List<String> requestIds() {
        return org.opengru.core.jdbc.JdbcTransactions.of(db.dataSource()).inTransaction(c -> {
            try (java.sql.PreparedStatement ps =
                    c.prepareStatement("SELECT id::text FROM gru_request WHERE tenant_id = ? ORDER BY id")) {
                ps.setString(1, tenant.value());
                List<String> out = new java.util.ArrayList<>();
                try (java.sql.ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
                return out;
            }
        });
    }
}
