package org.opengru.franceconnect.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.ECKey;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import no.nav.security.mock.oauth2.token.KeyProvider;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opengru.franceconnect.HostileProvider;
import org.opengru.franceconnect.rp.FranceConnectLogin;
import org.opengru.franceconnect.rp.MockOAuth2ServerFlowTest;
import org.opengru.test.postgres.EmbeddedPostgresExtension;
import org.opengru.test.postgres.PostgresDatabase;

@ExtendWith(EmbeddedPostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public class PostgresLoginFlowStoreTest extends LoginFlowStoreContract {
    private PostgresDatabase db;
    private PostgresLoginFlowStore nodeA;
    private PostgresLoginFlowStore nodeB;

    @BeforeAll
    void migrate(PostgresDatabase db) {
        this.db = db;
        db.execute(migration());
        nodeA = new PostgresLoginFlowStore(db.dataSource());
        nodeB = new PostgresLoginFlowStore(db.newDataSource());
    }

    @BeforeEach
    void empty() {
        db.execute("TRUNCATE franceconnect_pending_login, franceconnect_used_nonce, franceconnect_pending_logout");
    }

    /** Every migration of the module, in version order. */
    public static String migration() {
        StringBuilder sql = new StringBuilder();
        for (String file : List.of(
                "V1__franceconnect_login_flow.sql",
                "V2__franceconnect_account_link.sql",
                "V3__franceconnect_browser_binding.sql",
                "V4__franceconnect_api_particulier_rate.sql")) {
            String path = PostgresLoginFlowStore.MIGRATION_LOCATION + "/" + file;
            try (InputStream in = PostgresLoginFlowStore.class.getClassLoader().getResourceAsStream(path)) {
                assertThat(in).as(path).isNotNull();
                sql.append(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                        .append('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return sql.toString();
    }

    @Override
    LoginFlowStore store() {
        return nodeA;
    }

    @Override
    LoginFlowStore otherNode() {
        return nodeB;
    }

    @Test
    void a_login_started_on_one_node_completes_on_another() throws Exception {
        ECKey key = HostileProvider.newKey("mock-fc-pg");
        var callback = new DefaultOAuth2TokenCallback(
                "fcp",
                MockOAuth2ServerFlowTest.SUB,
                "JWT",
                List.of(MockOAuth2ServerFlowTest.CLIENT_ID),
                Map.of("acr", "eidas1", "given_name", "Jean", "family_name", "MARTIN"),
                60);
        MockOAuth2Server provider = new MockOAuth2Server(new OAuth2Config(
                false,
                null,
                null,
                false,
                new OAuth2TokenProvider(new KeyProvider(List.of(key), "ES256")),
                Set.of(callback)));
        provider.start(java.net.InetAddress.getLoopbackAddress(), 0);
        try {
            FranceConnectLogin login = MockOAuth2ServerFlowTest.runFlow(provider, nodeA, nodeB);
            assertThat(login.idToken().subject()).isEqualTo(MockOAuth2ServerFlowTest.SUB);
            assertThat(login.identity().pivot()).isNull(); // pivot scopes incomplete: no partial pivot
            // Consumed on node B: nothing left for a replay on either node.
            try (var c = db.dataSource().getConnection();
                    var rs = c.createStatement().executeQuery("SELECT count(*) FROM franceconnect_pending_login")) {
                rs.next();
                assertThat(rs.getInt(1)).isZero();
            }
        } finally {
            provider.shutdown();
        }
    }
}
