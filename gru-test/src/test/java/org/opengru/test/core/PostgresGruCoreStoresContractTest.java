package org.opengru.test.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opengru.core.GruCore;
import org.opengru.core.event.DomainEvent;
import org.opengru.core.jdbc.PostgresPersistence;
import org.opengru.core.outbox.OutboxRecord;
import org.opengru.core.outbox.OutboxStatus;
import org.opengru.core.request.RequestEvent;
import org.opengru.test.postgres.EmbeddedPostgresExtension;
import org.opengru.test.postgres.PostgresDatabase;

/** Every core store on PostgreSQL; also checks that every published event reached the outbox, in order. */
@ExtendWith(EmbeddedPostgresExtension.class)
class PostgresGruCoreStoresContractTest extends GruCoreStoresContract {

    private final PostgresPersistence pg;

    PostgresGruCoreStoresContractTest(PostgresDatabase db) {
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
        List<String> outboxIds = pg.outbox().withStatus(OutboxStatus.PENDING, 10_000).stream()
                .filter(r -> r.message().tenant().equals(tenant))
                .map(OutboxRecord::message)
                .map(m -> m.eventId().toString())
                .toList();
        assertThat(outboxIds)
                .containsExactlyElementsOf(published.stream()
                        .map(DomainEvent::eventId)
                        .map(Object::toString)
                        .toList());
        published.stream()
                .filter(RequestEvent.class::isInstance)
                .map(e -> ((RequestEvent) e).requestId())
                .distinct()
                .forEach(id ->
                        assertThat(pg.auditTrail().verify(tenant, id).valid()).isTrue());
    }
}
