package org.opengru.test.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opengru.core.id.RequestId;
import org.opengru.core.id.UsagerId;
import org.opengru.core.jdbc.PostgresPersistence;
import org.opengru.core.request.Request;
import org.opengru.core.tenancy.TenantId;
import org.opengru.documents.vault.AdministrativeFiles;
import org.opengru.test.MutableClock;
import org.opengru.test.core.RequestFixtures;
import org.opengru.test.postgres.EmbeddedPostgresExtension;
import org.opengru.test.postgres.PostgresDatabase;

/** Which requests keep their documents and data proofs on an erasure request, on gru-core's PostgreSQL stores. */
@ExtendWith(EmbeddedPostgresExtension.class)
class AdministrativeFilesTest {
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private final PostgresPersistence pg;
    private final RequestFixtures fixtures = new RequestFixtures();
    private final TenantId tenant = fixtures.tenant();
    private final UsagerId alice = UsagerId.of(UUID.randomUUID());

    AdministrativeFilesTest(PostgresDatabase db) {
        pg = PostgresPersistence.builder(db.dataSource(), new MutableClock(T0))
                .outboxSubscribers(Set.of("logiciel-metier"))
                .build();
        pg.migrate();
    }

    private Request draft() {
        return pg.requestStore().apply(fixtures.draft(alice, T0, null)).request();
    }

    private Request received() {
        return pg.requestStore()
                .apply(fixtures.submit(draft(), T0.plusSeconds(60), null))
                .request();
    }

    @Test
    void onlyAReceivedRequestStillHeldKeepsItsPieces() {
        AdministrativeFiles files = AdministrativeFiles.of(pg.requestStore());
        Request received = received();
        Request purged = received();
        Request anonymised = received();
        pg.retentionStore().purge(tenant, purged.id());
        pg.retentionStore().anonymise(tenant, anonymised.id(), T0.plusSeconds(120));

        assertThat(files.kept(tenant, received.id())).isTrue();
        assertThat(files.kept(TenantId.of("commune-69123"), received.id()))
                .as("other tenant")
                .isFalse();
        assertThat(files.kept(tenant, draft().id())).as("never received").isFalse();
        assertThat(files.kept(tenant, purged.id()))
                .as("purged by the retention job")
                .isFalse();
        assertThat(files.kept(tenant, anonymised.id()))
                .as("anonymised: nothing personal left to keep")
                .isFalse();
        assertThat(files.kept(tenant, RequestId.of(UUID.randomUUID()))).isFalse();
    }
}
