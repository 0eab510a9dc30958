package org.opengru.franceconnect.rp;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.opengru.franceconnect.callback.CallbackParameters;
import org.opengru.franceconnect.callback.CallbackStages;
import org.opengru.franceconnect.callback.ExpiredStateException;
import org.opengru.franceconnect.callback.InvalidStateException;
import org.opengru.franceconnect.callback.TokenExchangeException;
import org.opengru.franceconnect.flow.LoginFlowStore;
import org.opengru.franceconnect.flow.PendingLogin;
import org.opengru.franceconnect.identity.FranceConnectIdentity;
import org.opengru.franceconnect.internal.DefaultCallbackStages;
import org.opengru.franceconnect.internal.HttpCalls;
import org.opengru.franceconnect.internal.JwtVerifier;
import org.opengru.franceconnect.internal.Randoms;
import org.opengru.franceconnect.jwks.JwksCache;
import org.opengru.franceconnect.jwks.JwksCacheConfig;
import org.opengru.franceconnect.jwks.JwksFetcher;
import org.opengru.franceconnect.token.IdTokenValidator;
import org.opengru.franceconnect.token.UserInfoValidator;
import org.opengru.franceconnect.token.ValidatedIdToken;

/**
 * One tenant's FranceConnect relying party (fournisseur de service).
 *
 * <pre>{@code
 * RelyingParty rp = RelyingParty.builder(config).store(store).clock(clock).build();
 * AuthorizationRedirect go = rp.startLogin("/demarches/inscription-cantine");   // redirect the browser
 * // set go.browserBinding() in an HttpOnly cookie, redirect to go.uri(); at the callback:
 * FranceConnectLogin login = rp.completeLogin(CallbackParameters.fromUri(callbackUri).withBrowserBinding(cookie));
 * }</pre>
 *
 * Discovery happens on first use (and again with {@link #refreshMetadata()}). Thread-safe.
 */
public final class RelyingParty {
    /** A path on this site: one leading slash, no scheme, no backslash, no control or space characters. */
    private static final java.util.regex.Pattern LOCAL_PATH =
            java.util.regex.Pattern.compile("/(?![/\\\\])[\\x21-\\x7E&&[^\\\\]]*");

    private final RelyingPartyConfig config;
    private final LoginFlowStore store;
    private final HttpClient http;
    private final Clock clock;
    private final JwksCacheConfig jwksConfig;
    private final @Nullable JwksFetcher jwksFetcher;
    private final Executor refreshExecutor;
    private final UnaryOperator<CallbackStages> customizer;
    private final Randoms randoms = new Randoms();
    private volatile @Nullable Provider provider;
    /** The last failed discovery, so that a provider outage does not turn each login into a new fetch. */
    private volatile @Nullable Instant lastDiscoveryFailure;

    /** Least time between two discovery attempts after a failure. */
    static final java.time.Duration DISCOVERY_RETRY_INTERVAL = java.time.Duration.ofSeconds(30);

    /** What discovery yields, built once per metadata fetch. */
    private record Provider(
            ProviderMetadata metadata, JwksCache jwks, IdTokenValidator idTokens, CallbackStages stages) {}

    private RelyingParty(Builder b) {
        this.config = b.config;
        this.store = Objects.requireNonNull(b.store, "store");
        this.clock = Objects.requireNonNull(b.clock, "clock");
        this.http = b.http != null
                ? b.http
                : HttpClient.newBuilder()
                        .connectTimeout(config.httpTimeout())
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .build();
        this.jwksConfig = b.jwksConfig;
        this.jwksFetcher = b.jwksFetcher;
        this.refreshExecutor = b.refreshExecutor;
        this.customizer = b.customizer;
    }

    /**
     * Starts a relying party; the store and the clock are required.
     *
     * @param config the tenant's checked configuration
     * @return a builder
     */
    public static Builder builder(RelyingPartyConfig config) {
        return new Builder(config);
    }

    /**
     * The tenant's configuration.
     *
     * @return the configuration
     */
    public RelyingPartyConfig config() {
        return config;
    }

    /**
     * The provider's metadata, discovered on first use.
     *
     * @return the metadata
     * @throws DiscoveryException when the provider cannot be reached or its document is refused
     */
    public ProviderMetadata metadata() {
        return provider().metadata();
    }

    /**
     * The provider's key cache.
     *
     * @return the cache of the provider's signing keys
     */
    public JwksCache jwks() {
        return provider().jwks();
    }

    /**
     * The ID token validator of this tenant (for applications validating tokens themselves).
     *
     * @return the validator
     */
    public IdTokenValidator idTokenValidator() {
        return provider().idTokens();
    }

    /**
     * FranceConnect+: the public encryption keys to publish at the relying party's JWKS URL.
     *
     * @return the public keys, empty for FranceConnect
     */
    public JWKSet publicEncryptionJwks() {
        return config.publicEncryptionJwks();
    }

    /**
     * Everything the relying party publishes at its JWKS URL: the public encryption keys and, with
     * {@code private_key_jwt}, the public key of the client assertions. Never a private part.
     *
     * @return the public keys
     */
    public JWKSet publicJwks() {
        java.util.List<com.nimbusds.jose.jwk.JWK> keys =
                new java.util.ArrayList<>(config.publicEncryptionJwks().getKeys());
        if (config.clientAuthentication() instanceof ClientAuthentication.PrivateKeyJwt jwt) {
            keys.add(jwt.signingKey().toPublicJWK());
        }
        return new JWKSet(keys);
    }

    /** Fetches the discovery document again (for example after the provider changed endpoints). */
    public void refreshMetadata() {
        provider = discover();
    }

    private Provider provider() {
        Provider current = provider;
        if (current == null) {
            synchronized (this) {
                current = provider;
                if (current == null) {
                    current = discover();
                    provider = current;
                }
            }
        }
        return current;
    }

    private Provider discover() {
        Instant failed = lastDiscoveryFailure;
        if (failed != null && clock.instant().isBefore(failed.plus(DISCOVERY_RETRY_INTERVAL))) {
            throw new DiscoveryException(
                    "discovery failed at " + failed + "; next attempt after " + failed.plus(DISCOVERY_RETRY_INTERVAL),
                    null);
        }
        try {
            Provider discovered = fetchProvider();
            lastDiscoveryFailure = null;
            return discovered;
        } catch (DiscoveryException e) {
            lastDiscoveryFailure = clock.instant();
            throw e;
        }
    }

    private Provider fetchProvider() {
        String base = config.issuer().toString();
        URI wellKnown = URI.create((base.endsWith("/") ? base : base + "/") + ".well-known/openid-configuration");
        HttpCalls.Response response;
        try {
            response = HttpCalls.send(http, HttpCalls.get(wellKnown, config.httpTimeout(), "application/json"));
        } catch (HttpCalls.CallFailedException e) {
            throw new DiscoveryException("discovery " + wellKnown + ": " + e.getMessage(), e);
        }
        if (!response.ok()) {
            throw new DiscoveryException("discovery " + wellKnown + " answered HTTP " + response.status(), null);
        }
        ProviderMetadata metadata = ProviderMetadata.parse(response.body());
        check(metadata);
        JwksCache jwks = new JwksCache(
                metadata.jwksUri(),
                jwksFetcher != null ? jwksFetcher : JwksFetcher.http(http, config.httpTimeout()),
                jwksConfig,
                clock,
                refreshExecutor);
        JwtVerifier verifier = new JwtVerifier(
                config.signingAlgorithm(), jwks, config.kind().encryptedTokens(), config.decryptionKeys());
        String issuer = metadata.issuer().toString();
        IdTokenValidator idTokens = new IdTokenValidator(
                verifier, config.tenantId(), issuer, config.clientId(), config.clockSkew(), store, clock);
        UserInfoValidator userInfos =
                new UserInfoValidator(verifier, issuer, config.clientId(), config.clockSkew(), clock);
        CallbackStages stages = customizer.apply(
                DefaultCallbackStages.create(config, metadata, store, http, idTokens, userInfos, clock, randoms));
        return new Provider(metadata, jwks, idTokens, stages);
    }

    private void check(ProviderMetadata metadata) {
        // Exact issuer: a discovery document naming another issuer is a mix-up in the making.
        if (!metadata.issuer().toString().equals(config.issuer().toString())) {
            throw new DiscoveryException(
                    "discovery issuer '" + metadata.issuer() + "' is not the configured " + config.issuer(), null);
        }
        JWSAlgorithm alg = config.signingAlgorithm();
        if (!metadata.idTokenSigningAlgValues().isEmpty()
                && !metadata.idTokenSigningAlgValues().contains(alg.getName())) {
            throw new DiscoveryException(
                    "provider does not announce " + alg + " for id tokens: " + metadata.idTokenSigningAlgValues(),
                    null);
        }
        if (config.userInfoFormat() == UserInfoFormat.SIGNED_JWT
                && !metadata.userinfoSigningAlgValues().isEmpty()
                && !metadata.userinfoSigningAlgValues().contains(alg.getName())) {
            throw new DiscoveryException(
                    "provider does not announce " + alg + " for userinfo: " + metadata.userinfoSigningAlgValues(),
                    null);
        }
        String method = config.clientAuthentication().method();
        if (!metadata.tokenEndpointAuthMethods().isEmpty()
                && !metadata.tokenEndpointAuthMethods().contains(method)) {
            throw new DiscoveryException(
                    "provider does not accept " + method + ": " + metadata.tokenEndpointAuthMethods(), null);
        }
        if (!metadata.acrValues().isEmpty()
                && !metadata.acrValues().contains(config.acr().value())) {
            throw new DiscoveryException(
                    "provider does not offer acr " + config.acr().value() + ": " + metadata.acrValues(), null);
        }
    }

    /**
     * Starts a login: stores state, nonce and PKCE verifier, and returns the authorization URL.
     *
     * @param returnTo where to go after the login, given back by {@link #completeLogin}: a local path
     *     ({@code /...}, never {@code //host}), so that it cannot become an open redirect
     * @return the authorization URL, the state, and the browser binding to set in a cookie
     * @throws org.opengru.franceconnect.InvalidConfigurationException when {@code returnTo} is not a local path
     */
    public AuthorizationRedirect startLogin(@Nullable String returnTo) {
        if (returnTo != null
                && (returnTo.length() > 2048 || !LOCAL_PATH.matcher(returnTo).matches())) {
            throw new org.opengru.franceconnect.InvalidConfigurationException(
                    "returnTo",
                    returnTo.length() > 80 ? returnTo.substring(0, 80) + "..." : returnTo,
                    "must be a local path such as /mon-espace");
        }
        ProviderMetadata metadata = metadata();
        Instant now = clock.instant();
        String state = randoms.token();
        String nonce = randoms.token();
        boolean pkce = config.pkce() && metadata.codeChallengeMethods().contains("S256");
        String verifier = pkce ? randoms.token() : null;
        Instant expiresAt = now.plus(config.loginTimeout());
        String browserBinding = randoms.token();
        store.save(new PendingLogin(
                config.tenantId(),
                state,
                nonce,
                verifier,
                config.acr().value(),
                returnTo,
                now,
                expiresAt,
                Randoms.s256(browserBinding)));

        Map<String, String> params = new LinkedHashMap<>();
        params.put("response_type", "code");
        params.put("client_id", config.clientId());
        params.put("redirect_uri", config.redirectUri().toString());
        params.put("scope", String.join(" ", config.scopes()));
        params.put("state", state);
        params.put("nonce", nonce);
        params.put("acr_values", config.acr().value());
        if (config.claims() != null) {
            params.put("claims", config.claims());
        }
        if (!config.prompt().isEmpty()) {
            params.put("prompt", String.join(" ", config.prompt()));
        }
        if (verifier != null) {
            params.put("code_challenge", Randoms.s256(verifier));
            params.put("code_challenge_method", "S256");
        }
        return new AuthorizationRedirect(
                withQuery(metadata.authorizationEndpoint(), params), expiresAt, browserBinding);
    }

    /**
     * Handles the callback: runs every stage in order and returns the checked sign-in. Each stage
     * fails with its own exception (see {@link CallbackStages}).
     *
     * @param parameters the callback's parameters with the browser binding of the login cookie
     * @return the sign-in: the identity, its validated ID token, the access token, and {@code returnTo}
     */
    public FranceConnectLogin completeLogin(CallbackParameters parameters) {
        Provider p = provider();
        CallbackStages stages = p.stages();
        stages.errorResponse().check(parameters);
        PendingLogin login = stages.state().consume(parameters);
        stages.issuer().check(parameters);
        if (parameters.code() == null || parameters.code().isEmpty()) {
            throw new TokenExchangeException("callback without code", 0, null, false, null);
        }
        var tokens = stages.codeExchange().exchange(parameters.code(), login);
        AcrLevel requested = AcrLevel.parse(login.acr()).orElse(config.acr());
        ValidatedIdToken idToken = stages.idToken().validate(tokens.idToken(), login.nonce(), requested);
        Map<String, Object> userInfo = stages.userInfo().fetch(tokens, idToken);
        FranceConnectIdentity identity =
                FranceConnectIdentity.fromClaims(idToken.issuer(), idToken.subject(), userInfo);
        return new FranceConnectLogin(
                config.tenantId(),
                idToken,
                identity,
                tokens.accessToken(),
                tokens.accessTokenExpiresAt(),
                login.returnTo());
    }

    /**
     * Ends the local session, then starts an RP-initiated logout: redirect the browser to the returned
     * URL. The local session ends first, whatever FranceConnect does next.
     *
     * @param idTokenHint the raw ID token of the session (FranceConnect accepts an expired one)
     * @param endLocalSession ends the application's session (invalidate the HTTP session...)
     * @return the URL to redirect the browser to
     */
    public LogoutRedirect startLogout(String idTokenHint, Runnable endLocalSession) {
        Objects.requireNonNull(endLocalSession, "endLocalSession").run();
        return startLogout(idTokenHint);
    }

    /**
     * Starts an RP-initiated logout; the application has already ended its local session (see {@link
     * #startLogout(String, Runnable)}, which does it first).
     *
     * @param idTokenHint the raw ID token of the session (FranceConnect accepts an expired one)
     * @return the URL to redirect the browser to
     */
    public LogoutRedirect startLogout(String idTokenHint) {
        Objects.requireNonNull(idTokenHint, "idTokenHint");
        ProviderMetadata metadata = metadata();
        URI endSession = metadata.endSessionEndpoint();
        URI postLogout = config.postLogoutRedirectUri();
        if (endSession == null) {
            throw new DiscoveryException("provider announces no end_session_endpoint", null);
        }
        if (postLogout == null) {
            throw new org.opengru.franceconnect.InvalidConfigurationException(
                    "postLogoutRedirectUri", null, "is required for logout");
        }
        String state = randoms.token();
        store.saveLogout(config.tenantId(), state, clock.instant().plus(config.loginTimeout()));
        Map<String, String> params = new LinkedHashMap<>();
        params.put("id_token_hint", idTokenHint);
        params.put("state", state);
        params.put("post_logout_redirect_uri", postLogout.toString());
        return new LogoutRedirect(withQuery(endSession, params));
    }

    /**
     * Handles the return from FranceConnect's logout: the state must be the one issued (single use).
     *
     * @param state the {@code state} of the return, or {@code null}
     * @throws InvalidStateException unknown, forged or replayed state
     * @throws ExpiredStateException the logout took too long
     */
    public void completeLogout(@Nullable String state) {
        if (state == null || state.isEmpty()) {
            throw new InvalidStateException("logout callback without state");
        }
        Instant expiresAt = store.consumeLogout(config.tenantId(), state)
                .orElseThrow(() -> new InvalidStateException("unknown or already used logout state"));
        if (!clock.instant().isBefore(expiresAt)) {
            throw new ExpiredStateException("logout state expired at " + expiresAt);
        }
    }

    private static URI withQuery(URI endpoint, Map<String, String> params) {
        String base = endpoint.toString();
        String query = HttpCalls.formEncode(params);
        return URI.create(base + (endpoint.getRawQuery() == null ? "?" : "&") + query);
    }

    /** Wiring of one relying party. */
    public static final class Builder {
        private final RelyingPartyConfig config;
        private @Nullable LoginFlowStore store;
        private @Nullable HttpClient http;
        private @Nullable Clock clock;
        private JwksCacheConfig jwksConfig = JwksCacheConfig.defaults();
        private @Nullable JwksFetcher jwksFetcher;
        private Executor refreshExecutor = Runnable::run;
        private UnaryOperator<CallbackStages> customizer = UnaryOperator.identity();

        private Builder(RelyingPartyConfig config) {
            this.config = Objects.requireNonNull(config, "config");
        }

        /**
         * Where pending logins live; shared by all nodes in a multi-node installation.
         *
         * @param store the login flows' store
         * @return this builder
         */
        public Builder store(LoginFlowStore store) {
            this.store = Objects.requireNonNull(store, "store");
            return this;
        }

        /**
         * The HTTP client; it must not follow redirects. Default: a new one with the configured timeout.
         *
         * @param http the HTTP client
         * @return this builder
         */
        public Builder httpClient(HttpClient http) {
            this.http = Objects.requireNonNull(http, "http");
            return this;
        }

        /**
         * The clock of every time check (expiry of logins, tokens, keys); required.
         *
         * @param clock the application's clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * The key cache's timings.
         *
         * @param jwksConfig the timings; {@link JwksCacheConfig#defaults()} otherwise
         * @return this builder
         */
        public Builder jwksCache(JwksCacheConfig jwksConfig) {
            this.jwksConfig = Objects.requireNonNull(jwksConfig, "jwksConfig");
            return this;
        }

        /**
         * Replaces the HTTP JWKS fetcher (tests, or a proxy).
         *
         * @param fetcher the fetcher
         * @return this builder
         */
        public Builder jwksFetcher(JwksFetcher fetcher) {
            this.jwksFetcher = Objects.requireNonNull(fetcher, "fetcher");
            return this;
        }

        /**
         * Runs the JWKS refresh-ahead; default: in the calling thread.
         *
         * @param executor the executor
         * @return this builder
         */
        public Builder refreshExecutor(Executor executor) {
            this.refreshExecutor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /**
         * Replaces callback stages: {@code stages -> stages.withUserInfo(myStage)}.
         *
         * @param customizer receives the default stages, returns those to run
         * @return this builder
         */
        public Builder stages(UnaryOperator<CallbackStages> customizer) {
            this.customizer = Objects.requireNonNull(customizer, "customizer");
            return this;
        }

        /**
         * Builds the relying party; discovery happens at first use, not here.
         *
         * @return the relying party
         * @throws org.opengru.franceconnect.InvalidConfigurationException when the store or the clock is missing
         */
        public RelyingParty build() {
            if (store == null) {
                throw new org.opengru.franceconnect.InvalidConfigurationException(
                        "store", null, "a LoginFlowStore is required (InMemoryLoginFlowStore for one node)");
            }
            if (clock == null) {
                throw new org.opengru.franceconnect.InvalidConfigurationException(
                        "clock", null, "inject the application's Clock (every time check uses it)");
            }
            return new RelyingParty(this);
        }
    }
}
