package org.opengru.franceconnect.rp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opengru.franceconnect.HostileProvider;
import org.opengru.franceconnect.InvalidConfigurationException;
import org.opengru.franceconnect.callback.CallbackParameters;
import org.opengru.franceconnect.callback.IssuerMismatchException;
import org.opengru.franceconnect.callback.TokenExchangeException;
import org.opengru.franceconnect.callback.UserInfoException;
import org.opengru.franceconnect.flow.InMemoryLoginFlowStore;
import org.opengru.franceconnect.flow.LoginFlowStore;
import org.opengru.franceconnect.token.ReplayedNonceException;
import org.opengru.test.MutableClock;

/** Failures of the provider and the wiring, each surfaced with its own type. */
class CallbackFailureTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:00Z"));
    private final HostileProvider provider = new HostileProvider();

    @AfterEach
    void stop() {
        provider.close();
    }

    private RelyingPartyConfig.Builder config() {
        return RelyingPartyConfig.builder("mairie-test")
                .provider(ProviderKind.FRANCECONNECT, provider.issuer())
                .clientId(HostileProvider.CLIENT_ID)
                .clientAuthentication(ClientAuthentication.clientSecretPost(HostileProvider.CLIENT_SECRET))
                .redirectUri(URI.create("http://127.0.0.1:8080/fc/callback"));
    }

    private RelyingParty rp(RelyingPartyConfig config, LoginFlowStore store) {
        return RelyingParty.builder(config).store(store).clock(clock).build();
    }

    private Map<String, String> prepare(RelyingParty rp) {
        AuthorizationRedirect redirect = rp.startLogin(null);
        Map<String, String> q = new java.util.HashMap<>(HostileProvider.query(redirect.uri()));
        q.put("binding", redirect.browserBinding());
        String idToken = provider.sign(
                provider.idTokenClaims(q.get("nonce"), clock.instant()).build());
        provider.idToken = () -> idToken;
        provider.userInfo = () -> provider.sign(
                provider.userInfoClaims(HostileProvider.SUB, clock.instant()).build());
        return q;
    }

    private static CallbackParameters callback(Map<String, String> q) {
        return new CallbackParameters("code", q.get("state"), null, null, null, q.get("binding"));
    }

    @Test
    void a_discovery_document_naming_another_issuer_is_refused() {
        provider.discoveryIssuer = "https://evil.example/api/v2";
        RelyingParty rp = rp(config().build(), new InMemoryLoginFlowStore());
        assertThatThrownBy(() -> rp.startLogin(null))
                .isInstanceOf(DiscoveryException.class)
                .hasMessageContaining("issuer");
    }

    @Test
    void a_provider_not_offering_our_acr_is_refused_at_discovery() {
        provider.acrValues = "\"eidas2\"";
        RelyingParty eidas1 = rp(config().build(), new InMemoryLoginFlowStore());
        assertThatThrownBy(eidas1::metadata)
                .isInstanceOf(DiscoveryException.class)
                .hasMessageContaining("acr");
    }

    @Test
    void a_missing_iss_parameter_is_refused_when_the_provider_announces_it() {
        provider.announceIss = true;
        RelyingParty rp = rp(config().build(), new InMemoryLoginFlowStore());
        Map<String, String> q = prepare(rp);
        assertThatThrownBy(() -> rp.completeLogin(callback(q))).isInstanceOf(IssuerMismatchException.class);
        Map<String, String> q2 = prepare(rp);
        assertThat(rp.completeLogin(new CallbackParameters(
                                "code", q2.get("state"), provider.issuer().toString(), null, null, q2.get("binding")))
                        .idToken()
                        .subject())
                .isEqualTo(HostileProvider.SUB);
    }

    @Test
    void a_refused_client_secret_surfaces_the_oauth_error() {
        RelyingParty rp = rp(
                config().clientAuthentication(ClientAuthentication.clientSecretPost("wrong"))
                        .build(),
                new InMemoryLoginFlowStore());
        Map<String, String> q = prepare(rp);
        assertThatThrownBy(() -> rp.completeLogin(callback(q)))
                .isInstanceOfSatisfying(TokenExchangeException.class, e -> {
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.error()).isEqualTo("invalid_client");
                });
    }

    @Test
    void a_hanging_token_endpoint_times_out() {
        RelyingParty rp = rp(config().httpTimeout(Duration.ofMillis(300)).build(), new InMemoryLoginFlowStore());
        Map<String, String> q = prepare(rp);
        provider.tokenHold = new CountDownLatch(1);
        try {
            assertThatThrownBy(() -> rp.completeLogin(callback(q)))
                    .isInstanceOfSatisfying(
                            TokenExchangeException.class,
                            e -> assertThat(e.timeout()).isTrue());
        } finally {
            provider.tokenHold.countDown();
        }
    }

    @Test
    void userinfo_in_plain_json_is_refused_when_a_signed_jwt_is_expected() {
        RelyingParty rp = rp(config().build(), new InMemoryLoginFlowStore());
        Map<String, String> q = prepare(rp);
        provider.userInfoContentType = "application/json";
        provider.userInfo = () -> "{\"sub\":\"" + HostileProvider.SUB + "\"}";
        assertThatThrownBy(() -> rp.completeLogin(callback(q))).isInstanceOf(UserInfoException.class);
    }

    @Test
    void the_replayed_nonce_check_catches_a_store_that_forgets_used_nonces() {
        // Control for AttackTest.a_nonce_is_accepted_once_only: with a store that never remembers a nonce,
        // the same token validates twice, so that test's assertion really depends on the store.
        RelyingParty rp = rp(config().build(), new BrokenNonceStore());
        Map<String, String> q = prepare(rp);
        String token = provider.idToken.get();
        rp.idTokenValidator().validate(token, q.get("nonce"), AcrLevel.EIDAS1);
        assertThat(rp.idTokenValidator()
                        .validate(token, q.get("nonce"), AcrLevel.EIDAS1)
                        .subject())
                .isEqualTo(HostileProvider.SUB);
        RelyingParty sound = rp(config().build(), new InMemoryLoginFlowStore());
        Map<String, String> q2 = prepare(sound);
        String token2 = provider.idToken.get();
        sound.idTokenValidator().validate(token2, q2.get("nonce"), AcrLevel.EIDAS1);
        assertThatThrownBy(() -> sound.idTokenValidator().validate(token2, q2.get("nonce"), AcrLevel.EIDAS1))
                .isInstanceOf(ReplayedNonceException.class);
    }

    @Test
    void a_relying_party_needs_a_store_and_a_clock() {
        assertThatThrownBy(() ->
                        RelyingParty.builder(config().build()).clock(clock).build())
                .isInstanceOfSatisfying(
                        InvalidConfigurationException.class,
                        e -> assertThat(e.field()).isEqualTo("store"));
        assertThatThrownBy(() -> RelyingParty.builder(config().build())
                        .store(new InMemoryLoginFlowStore())
                        .build())
                .isInstanceOfSatisfying(
                        InvalidConfigurationException.class,
                        e -> assertThat(e.field()).isEqualTo("clock"));
    }

    @Test
    void the_return_address_must_be_a_local_path() {
        RelyingParty rp = rp(config().build(), new InMemoryLoginFlowStore());
        assertThat(rp.startLogin("/mon-espace?onglet=demarches").uri()).isNotNull();
        for (String open :
                new String[] {"//evil.example/x", "https://evil.example", "/\\evil.example", "mon-espace", "/a b"}) {
            assertThatThrownBy(() -> rp.startLogin(open))
                    .as(open)
                    .isInstanceOfSatisfying(
                            InvalidConfigurationException.class,
                            e -> assertThat(e.field()).isEqualTo("returnTo"));
        }
    }

    @Test
    void a_malformed_callback_query_is_refused_as_an_invalid_state() {
        assertThatThrownBy(() -> CallbackParameters.fromQuery("code=abc&state=%zz"))
                .isInstanceOf(org.opengru.franceconnect.callback.InvalidStateException.class);
        assertThatThrownBy(() -> CallbackParameters.fromQuery("code=a&state=s1&state=s2"))
                .isInstanceOf(org.opengru.franceconnect.callback.InvalidStateException.class);
    }

    @Test
    void claims_and_prompt_are_sent_when_configured() {
        RelyingParty rp = rp(
                config().claims("{\"id_token\":{\"amr\":{\"essential\":true}}}")
                        .prompt("login", "consent")
                        .build(),
                new InMemoryLoginFlowStore());
        Map<String, String> q = HostileProvider.query(rp.startLogin(null).uri());
        assertThat(q)
                .containsEntry("claims", "{\"id_token\":{\"amr\":{\"essential\":true}}}")
                .containsEntry("prompt", "login consent");
        assertThat(q.get("scope")).isEqualTo("openid");
    }

    @Test
    void a_discovery_outage_is_not_retried_on_every_login() {
        provider.discoveryDown = true;
        RelyingParty rp = rp(config().build(), new InMemoryLoginFlowStore());
        for (int i = 0; i < 10; i++) {
            assertThatThrownBy(() -> rp.startLogin(null)).isInstanceOf(DiscoveryException.class);
        }
        assertThat(provider.discoveryFetches.get()).isEqualTo(1);
        provider.discoveryDown = false;
        clock.advance(Duration.ofSeconds(31));
        assertThat(rp.startLogin(null).uri()).isNotNull();
        assertThat(provider.discoveryFetches.get()).isEqualTo(2);
    }

    @Test
    void the_local_session_ends_before_the_logout_redirect_even_without_provider_logout() {
        RelyingParty rp = rp(config().build(), new InMemoryLoginFlowStore()); // no post-logout URL configured
        java.util.concurrent.atomic.AtomicBoolean ended = new java.util.concurrent.atomic.AtomicBoolean();
        assertThatThrownBy(() -> rp.startLogout("id-token", () -> ended.set(true)))
                .isInstanceOf(InvalidConfigurationException.class);
        assertThat(ended).isTrue();
    }

    @Test
    void a_stage_can_be_replaced_without_touching_the_others() {
        java.util.List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        RelyingParty rp = RelyingParty.builder(config().build())
                .store(new InMemoryLoginFlowStore())
                .clock(clock)
                .stages(stages -> stages.withUserInfo((tokens, idToken) -> {
                    seen.add(idToken.subject());
                    return stages.userInfo().fetch(tokens, idToken);
                }))
                .build();
        Map<String, String> q = prepare(rp);
        assertThat(rp.completeLogin(callback(q)).identity().pivot()).isNotNull();
        assertThat(seen).containsExactly(HostileProvider.SUB);
    }
}
