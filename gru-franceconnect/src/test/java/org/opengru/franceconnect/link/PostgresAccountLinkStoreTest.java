package org.opengru.franceconnect.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opengru.core.id.UsagerId;
import org.opengru.core.tenancy.TenantId;
import org.opengru.franceconnect.flow.PostgresLoginFlowStoreTest;
import org.opengru.test.postgres.EmbeddedPostgresExtension;
import org.opengru.test.postgres.PostgresDatabase;

@ExtendWith(EmbeddedPostgresExtension.class)
class PostgresAccountLinkStoreTest {

    @Test
    void links_are_unique_per_tenant_and_account_across_nodes(PostgresDatabase db) {
        db.execute(PostgresLoginFlowStoreTest.migration());
        AccountLinkStore nodeA = new PostgresAccountLinkStore(db.dataSource());
        AccountLinkStore nodeB = new PostgresAccountLinkStore(db.newDataSource());
        TenantId tenant = TenantId.of("commune-69123");
        AccountLink link = new AccountLink(
                tenant,
                "https://oidc.franceconnect.gouv.fr/api/v2",
                "sub-1",
                UsagerId.of(UUID.fromString("01890a5d-ac96-774b-bcce-b302099a8057")),
                LinkBasis.PIVOT_MATCH,
                Instant.parse("2026-03-02T10:00:00Z"),
                "system:franceconnect");
        nodeA.save(link);
        assertThat(nodeB.find(tenant, link.issuer(), "sub-1")).contains(link);
        assertThat(nodeB.find(TenantId.of("commune-75056"), link.issuer(), "sub-1"))
                .isEmpty();
        assertThatThrownBy(() -> nodeB.save(link)).isInstanceOf(AlreadyLinkedException.class);

        AccountLink second = new AccountLink(
                tenant,
                "https://fcp-low.sbx.dev-franceconnect.fr/api/v2",
                "sub-2",
                link.usager(),
                LinkBasis.CREATED,
                Instant.parse("2026-03-03T10:00:00Z"),
                "system:franceconnect");
        nodeA.save(second);
        assertThat(nodeB.byUsager(tenant, link.usager())).containsExactly(link, second);
        assertThat(nodeB.byUsager(TenantId.of("commune-75056"), link.usager())).isEmpty();
        assertThat(nodeB.deleteByUsager(TenantId.of("commune-75056"), link.usager()))
                .isZero();
        assertThat(nodeB.deleteByUsager(tenant, link.usager())).isEqualTo(2);
        assertThat(nodeA.find(tenant, link.issuer(), "sub-1")).isEmpty();
        nodeA.save(link); // the account can be linked again after an erasure
    }
}
