package org.opengru.franceconnect.rp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opengru.franceconnect.HostileProvider;
import org.opengru.franceconnect.callback.CallbackParameters;
import org.opengru.franceconnect.callback.ExpiredStateException;
import org.opengru.franceconnect.callback.InvalidStateException;
import org.opengru.franceconnect.callback.IssuerMismatchException;
import org.opengru.franceconnect.callback.ProviderErrorException;
import org.opengru.franceconnect.flow.InMemoryLoginFlowStore;
import org.opengru.franceconnect.identity.Gender;
import org.opengru.franceconnect.jwks.JwksCacheConfig;
import org.opengru.franceconnect.token.ForbiddenAlgorithmException;
import org.opengru.franceconnect.token.ForbiddenHeaderException;
import org.opengru.franceconnect.token.InsufficientAcrException;
import org.opengru.franceconnect.token.InvalidSignatureException;
import org.opengru.franceconnect.token.NonceMismatchException;
import org.opengru.franceconnect.token.ReplayedNonceException;
import org.opengru.franceconnect.token.SubjectMismatchException;
import org.opengru.franceconnect.token.TokenExpiredException;
import org.opengru.franceconnect.token.TokenNotYetValidException;
import org.opengru.franceconnect.token.UnknownKeyException;
import org.opengru.franceconnect.token.WrongAudienceException;
import org.opengru.franceconnect.token.WrongIssuerException;
import org.opengru.test.MutableClock;

/** One test per known attack on the callback, each hostile token built with real keys. */
class AttackTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:00Z"));
    private HostileProvider provider;
    private RelyingParty rp;

    @BeforeEach
    void start() {
        provider = new HostileProvider();
        rp = relyingParty(JwksCacheConfig.defaults());
    }

    private RelyingParty relyingParty(JwksCacheConfig jwks) {
        RelyingPartyConfig config = RelyingPartyConfig.builder("mairie-test")
                .provider(ProviderKind.FRANCECONNECT, provider.issuer())
                .clientId(HostileProvider.CLIENT_ID)
                .clientAuthentication(ClientAuthentication.clientSecretPost(HostileProvider.CLIENT_SECRET))
                .redirectUri(URI.create("http://127.0.0.1:8080/fc/callback"))
                .postLogoutRedirectUri(URI.create("http://127.0.0.1:8080/fc/logout"))
                .scopes(
                        "openid",
                        "given_name",
                        "family_name",
                        "birthdate",
                        "gender",
                        "birthplace",
                        "birthcountry",
                        "email")
                .build();
        return RelyingParty.builder(config)
                .store(new InMemoryLoginFlowStore())
                .clock(clock)
                .jwksCache(jwks)
                .build();
    }

    @AfterEach
    void stop() {
        provider.close();
    }

    /** A started login as the browser holds it: the state in the URL, the binding in its cookie. */
    private record Started(String state, String nonce, Map<String, String> query, String binding) {}

    private Started startLogin() {
        AuthorizationRedirect redirect = rp.startLogin("/after");
        Map<String, String> q = HostileProvider.query(redirect.uri());
        return new Started(q.get("state"), q.get("nonce"), q, redirect.browserBinding());
    }

    private FranceConnectLogin complete(Started s) {
        return rp.completeLogin(new CallbackParameters("code-" + s.state(), s.state(), null, null, null, s.binding()));
    }

    /** Prepares the provider to answer with this id_token and a matching userinfo. */
    private Started withIdToken(java.util.function.Function<String, String> idTokenForNonce) {
        Started s = startLogin();
        String token = idTokenForNonce.apply(s.nonce());
        provider.idToken = () -> token;
        provider.userInfo = () -> provider.sign(
                provider.userInfoClaims(HostileProvider.SUB, clock.instant()).build());
        return s;
    }

    private JWTClaimsSet.Builder valid(String nonce) {
        return provider.idTokenClaims(nonce, clock.instant());
    }

    @Test
    void a_conforming_login_succeeds_and_yields_the_identite_pivot() {
        Started s = withIdToken(nonce -> provider.sign(valid(nonce).build()));
        assertThat(s.query())
                .containsEntry("response_type", "code")
                .containsEntry("acr_values", "eidas1")
                .containsEntry("code_challenge_method", "S256");
        assertThat(s.state()).hasSizeGreaterThanOrEqualTo(32);
        assertThat(s.nonce()).hasSizeGreaterThanOrEqualTo(32);

        FranceConnectLogin login = complete(s);

        assertThat(login.idToken().subject()).isEqualTo(HostileProvider.SUB);
        assertThat(login.idToken().acr()).isEqualTo(AcrLevel.EIDAS1);
        assertThat(login.returnTo()).isEqualTo("/after");
        var pivot = login.identity().pivot();
        assertThat(pivot).isNotNull();
        assertThat(pivot.givenNames()).containsExactly("Angela", "Claire", "Louise");
        assertThat(pivot.familyName()).isEqualTo("DUBOIS");
        assertThat(pivot.gender()).isEqualTo(Gender.FEMALE);
        assertThat(pivot.birthplace()).isEqualTo("75107");
        assertThat(login.identity().preferredUsername()).isNull();
        // client_secret_post with the PKCE verifier, never HTTP Basic.
        Map<String, String> form = provider.tokenRequests.peek();
        assertThat(form)
                .containsEntry("client_secret", HostileProvider.CLIENT_SECRET)
                .containsKey("code_verifier");
        assertThat(org.opengru.franceconnect.internal.Randoms.s256(form.get("code_verifier")))
                .isEqualTo(s.query().get("code_challenge"));
    }

    @Test
    void alg_none_is_refused() {
        Started s = withIdToken(nonce -> new PlainJWT(valid(nonce).build()).serialize());
        assertThatThrownBy(() -> complete(s)).isInstanceOf(ForbiddenAlgorithmException.class);
    }

    // tag::hs256[]
    @Test
    void hs256_signed_with_the_providers_public_key_as_secret_is_refused() {
        Started s = withIdToken(nonce -> {
            try {
                byte[] secret = provider.published.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
                SignedJWT jwt = new SignedJWT(
                        new JWSHeader.Builder(JWSAlgorithm.HS256)
                                .keyID(provider.signingKey.getKeyID())
                                .build(),
                        valid(nonce).build());
                jwt.sign(new MACSigner(secret));
                return jwt.serialize();
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThatThrownBy(() -> complete(s)).isInstanceOf(ForbiddenAlgorithmException.class);
    }
    // end::hs256[]

    @Test
    void jku_header_pointing_to_the_attackers_keys_is_refused() {
        ECKey attacker = HostileProvider.newKey("attacker");
        Started s = withIdToken(nonce -> HostileProvider.sign(
                new JWSHeader.Builder(JWSAlgorithm.ES256)
                        .keyID("attacker")
                        .jwkURL(URI.create("https://attacker.example/jwks"))
                        .build(),
                valid(nonce).build(),
                attacker));
        assertThatThrownBy(() -> complete(s))
                .isInstanceOf(ForbiddenHeaderException.class)
                .hasMessageContaining("jku");
    }

    @Test
    void x5u_header_is_refused() {
        ECKey attacker = HostileProvider.newKey("attacker");
        Started s = withIdToken(nonce -> HostileProvider.sign(
                new JWSHeader.Builder(JWSAlgorithm.ES256)
                        .keyID("attacker")
                        .x509CertURL(URI.create("https://attacker.example/cert.pem"))
                        .build(),
                valid(nonce).build(),
                attacker));
        assertThatThrownBy(() -> complete(s))
                .isInstanceOf(ForbiddenHeaderException.class)
                .hasMessageContaining("x5u");
    }

    @Test
    void embedded_jwk_header_is_refused() {
        ECKey attacker = HostileProvider.newKey("attacker");
        Started s = withIdToken(nonce -> HostileProvider.sign(
                new JWSHeader.Builder(JWSAlgorithm.ES256)
                        .keyID(provider.signingKey.getKeyID())
                        .jwk(attacker.toPublicJWK())
                        .build(),
                valid(nonce).build(),
                attacker));
        assertThatThrownBy(() -> complete(s))
                .isInstanceOf(ForbiddenHeaderException.class)
                .hasMessageContaining("jwk");
    }

    @Test
    void unknown_kid_is_refused_after_one_refetch_and_further_ones_do_not_hammer_the_provider() {
        complete(withIdToken(nonce -> provider.sign(valid(nonce).build())));
        clock.advance(Duration.ofMinutes(1));
        ECKey attacker = HostileProvider.newKey("kid-of-nobody");
        for (int i = 0; i < 20; i++) {
            Started s = withIdToken(nonce -> HostileProvider.sign(
                    new JWSHeader.Builder(JWSAlgorithm.ES256)
                            .keyID("kid-of-nobody")
                            .build(),
                    valid(nonce).build(),
                    attacker));
            assertThatThrownBy(() -> complete(s)).isInstanceOf(UnknownKeyException.class);
        }
        // First fetch, then exactly one refetch for the unknown kid within the rate-limit interval.
        assertThat(provider.jwksFetches.get()).isEqualTo(2);
    }

    @Test
    void the_rate_limit_check_catches_an_unlimited_refetch() {
        // The same attack against a relying party configured without rate limit: the provider is hammered,
        // so the assertion above (2 fetches) really detects the missing limit.
        rp = relyingParty(new JwksCacheConfig(Duration.ofMinutes(5), Duration.ofHours(24), Duration.ZERO));
        complete(withIdToken(nonce -> provider.sign(valid(nonce).build())));
        clock.advance(Duration.ofMinutes(1));
        ECKey attacker = HostileProvider.newKey("kid-of-nobody");
        for (int i = 0; i < 20; i++) {
            Started s = withIdToken(nonce -> HostileProvider.sign(
                    new JWSHeader.Builder(JWSAlgorithm.ES256)
                            .keyID("kid-of-nobody")
                            .build(),
                    valid(nonce).build(),
                    attacker));
            assertThatThrownBy(() -> complete(s)).isInstanceOf(UnknownKeyException.class);
        }
        assertThat(provider.jwksFetches.get()).isGreaterThan(2);
    }

    @Test
    void all_zero_es256_signature_is_refused() {
        Started s = withIdToken(nonce -> {
            String[] parts = provider.sign(valid(nonce).build()).split("\\.");
            return parts[0] + "." + parts[1] + "." + Base64URL.encode(new byte[64]);
        });
        assertThatThrownBy(() -> complete(s)).isInstanceOf(InvalidSignatureException.class);
    }

    @Test
    void a_token_signed_by_another_key_under_the_providers_kid_is_refused() {
        ECKey attacker = HostileProvider.newKey(provider.signingKey.getKeyID());
        Started s = withIdToken(nonce -> HostileProvider.sign(
                new JWSHeader.Builder(JWSAlgorithm.ES256)
                        .keyID(attacker.getKeyID())
                        .build(),
                valid(nonce).build(),
                attacker));
        assertThatThrownBy(() -> complete(s)).isInstanceOf(InvalidSignatureException.class);
    }

    @Test
    void expired_token_is_refused() {
        Instant now = clock.instant();
        Started s = withIdToken(nonce -> provider.sign(valid(nonce)
                .issueTime(Date.from(now.minusSeconds(180)))
                .expirationTime(Date.from(now.minusSeconds(120)))
                .build()));
        assertThatThrownBy(() -> complete(s)).isInstanceOf(TokenExpiredException.class);
    }

    @Test
    void a_token_expired_within_the_clock_skew_is_accepted() {
        Instant now = clock.instant();
        Started s = withIdToken(nonce -> provider.sign(valid(nonce)
                .issueTime(Date.from(now.minusSeconds(70)))
                .expirationTime(Date.from(now.minusSeconds(10)))
                .build()));
        assertThat(complete(s).idToken().subject()).isEqualTo(HostileProvider.SUB);
    }

    @Test
    void token_issued_in_the_future_is_refused() {
        Instant now = clock.instant();
        Started s = withIdToken(nonce -> provider.sign(valid(nonce)
                .issueTime(Date.from(now.plusSeconds(120)))
                .expirationTime(Date.from(now.plusSeconds(180)))
                .build()));
        assertThatThrownBy(() -> complete(s)).isInstanceOf(TokenNotYetValidException.class);
    }

    @Test
    void token_not_valid_before_a_future_nbf_is_refused() {
        Instant now = clock.instant();
        Started s = withIdToken(nonce -> provider.sign(
                valid(nonce).notBeforeTime(Date.from(now.plusSeconds(120))).build()));
        assertThatThrownBy(() -> complete(s)).isInstanceOf(TokenNotYetValidException.class);
    }

    @Test
    void token_for_another_client_is_refused() {
        Started s = withIdToken(
                nonce -> provider.sign(valid(nonce).audience("another-service").build()));
        assertThatThrownBy(() -> complete(s)).isInstanceOf(WrongAudienceException.class);
    }

    @Test
    void token_for_several_audiences_authorized_to_another_party_is_refused() {
        Started s = withIdToken(nonce -> provider.sign(valid(nonce)
                .audience(List.of(HostileProvider.CLIENT_ID, "another-service"))
                .claim("azp", "another-service")
                .build()));
        assertThatThrownBy(() -> complete(s)).isInstanceOf(WrongAudienceException.class);
    }

    /**
     * OpenID Connect Core 3.1.3.7: an ID token that lists an audience the client does not trust is refused,
     * even when azp names the client (it used to be accepted then).
     */
    @Test
    void token_for_several_audiences_is_refused_even_authorized_to_us() {
        Started s = withIdToken(nonce -> provider.sign(valid(nonce)
                .audience(List.of(HostileProvider.CLIENT_ID, "another-service"))
                .claim("azp", HostileProvider.CLIENT_ID)
                .build()));
        assertThatThrownBy(() -> complete(s)).isInstanceOf(WrongAudienceException.class);
    }

    @Test
    void token_from_another_issuer_is_refused() {
        Started s = withIdToken(nonce ->
                provider.sign(valid(nonce).issuer("https://evil.example/api/v2").build()));
        assertThatThrownBy(() -> complete(s)).isInstanceOf(WrongIssuerException.class);
    }

    @Test
    void token_with_another_nonce_is_refused() {
        Started s = withIdToken(nonce ->
                provider.sign(valid("a-nonce-from-another-login-0123456789").build()));
        assertThatThrownBy(() -> complete(s)).isInstanceOf(NonceMismatchException.class);
    }

    @Test
    void a_token_replayed_into_a_new_login_is_refused_by_its_nonce() {
        Started first = withIdToken(nonce -> provider.sign(valid(nonce).build()));
        complete(first);
        String captured = provider.idToken.get();
        Started second = startLogin();
        provider.idToken = () -> captured;
        assertThatThrownBy(() -> complete(second)).isInstanceOf(NonceMismatchException.class);
    }

    @Test
    void a_nonce_is_accepted_once_only() {
        Started s = withIdToken(nonce -> provider.sign(valid(nonce).build()));
        String token = provider.idToken.get();
        rp.idTokenValidator().validate(token, s.nonce(), AcrLevel.EIDAS1);
        assertThatThrownBy(() -> rp.idTokenValidator().validate(token, s.nonce(), AcrLevel.EIDAS1))
                .isInstanceOf(ReplayedNonceException.class);
    }

    @Test
    void missing_acr_is_refused() {
        Started s = withIdToken(
                nonce -> provider.sign(valid(nonce).claim("acr", null).build()));
        assertThatThrownBy(() -> complete(s)).isInstanceOf(InsufficientAcrException.class);
    }

    @Test
    void forged_state_is_refused() {
        withIdToken(nonce -> provider.sign(valid(nonce).build()));
        assertThatThrownBy(() -> rp.completeLogin(
                        new CallbackParameters("code", "forged-state-0123456789012345678901234567", null, null, null)))
                .isInstanceOf(InvalidStateException.class);
        assertThat(provider.tokenCalls.get()).isZero();
    }

    @Test
    void a_state_started_in_another_browser_is_refused_login_csrf() {
        // The attacker starts a login in his browser, signs in at FranceConnect, and sends the victim the
        // callback link with his code and state: the victim's browser lacks the attacker's binding cookie.
        Started attackers = withIdToken(nonce -> provider.sign(valid(nonce).build()));
        Started victims = startLogin();
        assertThatThrownBy(() -> rp.completeLogin(
                        new CallbackParameters("code", attackers.state(), null, null, null, victims.binding())))
                .isInstanceOf(InvalidStateException.class)
                .hasMessageContaining("browser");
        assertThatThrownBy(() -> rp.completeLogin(new CallbackParameters("code", victims.state(), null, null, null)))
                .isInstanceOf(InvalidStateException.class);
        assertThat(provider.tokenCalls.get()).isZero();
    }

    @Test
    void replayed_callback_is_refused() {
        Started s = withIdToken(nonce -> provider.sign(valid(nonce).build()));
        complete(s);
        assertThatThrownBy(() -> complete(s)).isInstanceOf(InvalidStateException.class);
        assertThat(provider.tokenCalls.get()).isEqualTo(1);
    }

    @Test
    void expired_state_is_refused() {
        Started s = withIdToken(nonce -> provider.sign(valid(nonce).build()));
        clock.advance(Duration.ofMinutes(11));
        assertThatThrownBy(() -> complete(s)).isInstanceOf(ExpiredStateException.class);
    }

    @Test
    void userinfo_of_another_person_is_refused() {
        Started s = withIdToken(nonce -> provider.sign(valid(nonce).build()));
        provider.userInfo = () -> provider.sign(provider.userInfoClaims(
                        "0000000000000000000000000000000000000000000000000000000000000000v1", clock.instant())
                .build());
        assertThatThrownBy(() -> complete(s)).isInstanceOf(SubjectMismatchException.class);
    }

    @Test
    void unsigned_userinfo_is_refused() {
        Started s = withIdToken(nonce -> provider.sign(valid(nonce).build()));
        provider.userInfo = () -> new PlainJWT(provider.userInfoClaims(HostileProvider.SUB, clock.instant())
                        .build())
                .serialize();
        assertThatThrownBy(() -> complete(s)).isInstanceOf(ForbiddenAlgorithmException.class);
    }

    @Test
    void a_mixed_up_issuer_in_the_callback_is_refused() {
        Started s = withIdToken(nonce -> provider.sign(valid(nonce).build()));
        assertThatThrownBy(() -> rp.completeLogin(new CallbackParameters(
                        "code", s.state(), "https://evil.example/api/v2", null, null, s.binding())))
                .isInstanceOf(IssuerMismatchException.class);
        assertThat(provider.tokenCalls.get()).isZero();
    }

    @Test
    void a_cancelled_login_surfaces_access_denied_not_an_attack() {
        Started s = startLogin();
        assertThatThrownBy(() -> rp.completeLogin(
                        new CallbackParameters(null, s.state(), null, "access_denied", "User auth aborted")))
                .isInstanceOfSatisfying(ProviderErrorException.class, e -> {
                    assertThat(e.error()).isEqualTo("access_denied");
                    assertThat(e.cancelledByUser()).isTrue();
                    assertThat(e.stateVerified()).isTrue();
                });
        // The state is burnt: the flow cannot be resumed with a code afterwards.
        assertThatThrownBy(() -> complete(s)).isInstanceOf(InvalidStateException.class);
    }

    @Test
    void key_rotation_is_followed_without_downtime() {
        complete(withIdToken(nonce -> provider.sign(valid(nonce).build())));
        clock.advance(Duration.ofMinutes(1));
        ECKey next = HostileProvider.newKey("fc-key-2");
        provider.published = new JWKSet(List.of(provider.signingKey.toPublicJWK(), next.toPublicJWK()));
        provider.signingKey = next;
        FranceConnectLogin login =
                complete(withIdToken(nonce -> provider.sign(valid(nonce).build())));
        assertThat(login.idToken().subject()).isEqualTo(HostileProvider.SUB);
        assertThat(provider.jwksFetches.get()).isEqualTo(2);
    }

    /** The application's session, as docs/franceconnect.md names it. */
    interface Session {
        void invalidate();
    }

    /** docs/franceconnect.md, "Logout", as written there. */
    @Test
    void the_documented_logout_ends_the_local_session_first_and_takes_the_state_once() {
        FranceConnectLogin login =
                complete(withIdToken(nonce -> provider.sign(valid(nonce).build())));
        String idTokenRaw = login.idToken().raw();
        java.util.concurrent.atomic.AtomicBoolean ended = new java.util.concurrent.atomic.AtomicBoolean();
        Session session = () -> ended.set(true);
        // tag::logout[]
        // 1. The local session ends first (whatever FranceConnect answers), then
        // 2. the browser goes to FranceConnect with the ID token kept from the login (an expired one is accepted).
        LogoutRedirect go = rp.startLogout(idTokenRaw, session::invalidate);
        // go.uri() = <issuer>/session/end?id_token_hint=…&state=…&post_logout_redirect_uri=…
        // end::logout[]
        assertThat(ended).isTrue();
        String state = HostileProvider.query(go.uri()).get("state");
        // tag::logout-return[]
        // 3. On return to the post-logout URL: the state must be the one issued, once.
        rp.completeLogout(state); // InvalidStateException / ExpiredStateException
        // end::logout-return[]
        assertThatThrownBy(() -> rp.completeLogout(state)).isInstanceOf(InvalidStateException.class);
    }

    @Test
    void logout_redirects_with_hint_and_state_and_checks_the_state_once() {
        FranceConnectLogin login =
                complete(withIdToken(nonce -> provider.sign(valid(nonce).build())));
        LogoutRedirect redirect = rp.startLogout(login.idToken().raw());
        Map<String, String> q = HostileProvider.query(redirect.uri());
        assertThat(redirect.uri().getPath()).isEqualTo("/api/v2/session/end");
        assertThat(q)
                .containsEntry("id_token_hint", login.idToken().raw())
                .containsEntry("post_logout_redirect_uri", "http://127.0.0.1:8080/fc/logout");
        rp.completeLogout(q.get("state"));
        assertThatThrownBy(() -> rp.completeLogout(q.get("state"))).isInstanceOf(InvalidStateException.class);
        assertThatThrownBy(() -> rp.completeLogout("forged")).isInstanceOf(InvalidStateException.class);
    }
}
