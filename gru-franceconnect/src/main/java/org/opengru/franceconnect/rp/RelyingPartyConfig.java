package org.opengru.franceconnect.rp;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.opengru.franceconnect.InvalidConfigurationException;

/**
 * One tenant's (one commune's) FranceConnect client: immutable, checked when built.
 *
 * <pre>{@code
 * RelyingPartyConfig config = RelyingPartyConfig.builder("mairie-lyon")
 *         .platform(Platform.FRANCECONNECT_INTEGRATION)
 *         .clientId("211286433e39cce01db448d80181bdfd005554b19cd51b3fe7943f6b3b86ab6e")
 *         .clientAuthentication(ClientAuthentication.clientSecretPost(secret))
 *         .redirectUri(URI.create("https://demarches.lyon.fr/fc/callback"))
 *         .scopes("openid", "given_name", "family_name", "birthdate")
 *         .build();
 * }</pre>
 */
public final class RelyingPartyConfig {
    private static final Pattern TENANT = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");
    private static final Set<String> PROMPTS = Set.of("login", "consent");

    private final String tenantId;
    private final ProviderKind kind;
    private final URI issuer;
    private final String clientId;
    private final ClientAuthentication clientAuthentication;
    private final URI redirectUri;
    private final @Nullable URI postLogoutRedirectUri;
    private final Set<String> scopes;
    private final AcrLevel acr;
    private final @Nullable String claims;
    private final Set<String> prompt;
    private final JWSAlgorithm signingAlgorithm;
    private final JWKSet decryptionKeys;
    private final UserInfoFormat userInfoFormat;
    private final Duration clockSkew;
    private final Duration httpTimeout;
    private final Duration loginTimeout;
    private final boolean pkce;

    private RelyingPartyConfig(Builder b) {
        this.tenantId = b.tenantId;
        this.kind = require("kind", b.kind);
        this.issuer = require("issuer", b.issuer);
        this.clientId = require("clientId", b.clientId);
        this.clientAuthentication = require("clientAuthentication", b.clientAuthentication);
        this.redirectUri = require("redirectUri", b.redirectUri);
        this.postLogoutRedirectUri = b.postLogoutRedirectUri;
        this.scopes = Collections.unmodifiableSet(new LinkedHashSet<>(b.scopes));
        this.acr = b.acr != null ? b.acr : kind == ProviderKind.FRANCECONNECT ? AcrLevel.EIDAS1 : AcrLevel.EIDAS3;
        this.claims = b.claims;
        this.prompt = Collections.unmodifiableSet(new LinkedHashSet<>(b.prompt));
        this.signingAlgorithm = b.signingAlgorithm;
        this.decryptionKeys = b.decryptionKeys;
        this.userInfoFormat = b.userInfoFormat;
        this.clockSkew = b.clockSkew;
        this.httpTimeout = b.httpTimeout;
        this.loginTimeout = b.loginTimeout;
        this.pkce = b.pkce;

        if (!scopes.contains("openid")) {
            throw new InvalidConfigurationException("scopes", scopes, "must contain 'openid'");
        }
        if (!kind.acceptedAcr().contains(acr)) {
            throw new InvalidConfigurationException(
                    "acr",
                    acr.value(),
                    kind + " accepts only "
                            + kind.acceptedAcr().stream()
                                    .map(AcrLevel::value)
                                    .sorted()
                                    .toList());
        }
        if (!kind.signingAlgorithms().contains(signingAlgorithm)) {
            throw new InvalidConfigurationException(
                    "signingAlgorithm", signingAlgorithm, kind + " signs with " + kind.signingAlgorithms());
        }
        if (kind.encryptedTokens() && decryptionKeys.getKeys().isEmpty()) {
            throw new InvalidConfigurationException(
                    "decryptionKeys",
                    "[]",
                    "FranceConnect+ encrypts id_token and userinfo: the relying party needs its private keys");
        }
        if (kind.encryptedTokens() && userInfoFormat != UserInfoFormat.SIGNED_JWT) {
            throw new InvalidConfigurationException(
                    "userInfoFormat", userInfoFormat, "FranceConnect+ returns userinfo as a JWT");
        }
        // Every public FranceConnect platform signs userinfo: accepting plain JSON there would trust an
        // unsigned answer, whoever configured it (platform(...) or provider(...) with the same issuer).
        Optional<Platform> publicPlatform = Platform.ofIssuer(issuer);
        if (userInfoFormat == UserInfoFormat.PLAIN_JSON && publicPlatform.isPresent()) {
            throw new InvalidConfigurationException(
                    "userInfoFormat",
                    userInfoFormat,
                    publicPlatform.get() + " returns userinfo as a signed JWT; plain JSON is for local test providers");
        }
        checkEndpoint("redirectUri", redirectUri);
        if (postLogoutRedirectUri != null) {
            checkEndpoint("postLogoutRedirectUri", postLogoutRedirectUri);
        }
    }

    private static <T> T require(String field, @Nullable T value) {
        if (value == null) {
            throw new InvalidConfigurationException(field, null, "is required");
        }
        return value;
    }

    /** https everywhere, except on loopback where tests and local demos run. */
    static void checkEndpoint(String field, URI uri) {
        String scheme = uri.getScheme();
        if (!uri.isAbsolute() || uri.getHost() == null) {
            throw new InvalidConfigurationException(field, uri, "must be an absolute URL");
        }
        if (uri.getFragment() != null) {
            throw new InvalidConfigurationException(field, uri, "must not have a fragment");
        }
        if (!"https".equals(scheme) && !("http".equals(scheme) && isLoopback(uri.getHost()))) {
            throw new InvalidConfigurationException(field, uri, "must use https (http is accepted on loopback only)");
        }
    }

    static boolean isLoopback(String host) {
        return host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]") || host.equals("::1");
    }

    /**
     * Starts a configuration.
     *
     * @param tenantId the tenant's code, lower-case ({@code [a-z0-9][a-z0-9._-]{0,62}})
     * @return a builder
     * @throws InvalidConfigurationException when the code is invalid
     */
    public static Builder builder(String tenantId) {
        return new Builder(tenantId);
    }

    /**
     * A builder pre-filled with this configuration, to derive a variant (for example production).
     *
     * @return the builder
     */
    public Builder toBuilder() {
        Builder b = new Builder(tenantId);
        b.kind = kind;
        b.issuer = issuer;
        b.clientId = clientId;
        b.clientAuthentication = clientAuthentication;
        b.redirectUri = redirectUri;
        b.postLogoutRedirectUri = postLogoutRedirectUri;
        b.scopes = new LinkedHashSet<>(scopes);
        b.acr = acr;
        b.claims = claims;
        b.prompt = new LinkedHashSet<>(prompt);
        b.signingAlgorithm = signingAlgorithm;
        b.decryptionKeys = decryptionKeys;
        b.userInfoFormat = userInfoFormat;
        b.clockSkew = clockSkew;
        b.httpTimeout = httpTimeout;
        b.loginTimeout = loginTimeout;
        b.pkce = pkce;
        return b;
    }

    /**
     * The tenant this client belongs to.
     *
     * @return the tenant's code
     */
    public String tenantId() {
        return tenantId;
    }

    /**
     * The offer: FranceConnect or FranceConnect+.
     *
     * @return the kind
     */
    public ProviderKind kind() {
        return kind;
    }

    /**
     * The provider's exact issuer identifier; discovery is fetched below it.
     *
     * @return the issuer
     */
    public URI issuer() {
        return issuer;
    }

    /**
     * The client identifier the provider registered.
     *
     * @return the client id
     */
    public String clientId() {
        return clientId;
    }

    /**
     * How the client authenticates at the token endpoint.
     *
     * @return the authentication (its {@code toString()} masks secrets)
     */
    public ClientAuthentication clientAuthentication() {
        return clientAuthentication;
    }

    /**
     * The callback URL, registered exactly with the provider.
     *
     * @return the redirect URI
     */
    public URI redirectUri() {
        return redirectUri;
    }

    /**
     * Where the provider sends the browser back after a logout.
     *
     * @return the URI, or {@code null} without RP-initiated logout
     */
    public @Nullable URI postLogoutRedirectUri() {
        return postLogoutRedirectUri;
    }

    /**
     * The requested scopes, in the order given.
     *
     * @return the scopes, in order
     */
    public Set<String> scopes() {
        return scopes;
    }

    /**
     * The requested level, sent as {@code acr_values}; the ID token must reach at least it.
     *
     * @return the level
     */
    public AcrLevel acr() {
        return acr;
    }

    /**
     * The {@code claims} request parameter (JSON), if any.
     *
     * @return the JSON, or {@code null}
     */
    public @Nullable String claims() {
        return claims;
    }

    /**
     * The {@code prompt} values sent with the login.
     *
     * @return {@code login} and/or {@code consent}, possibly none
     */
    public Set<String> prompt() {
        return prompt;
    }

    /**
     * The algorithm registered with the provider: the only one accepted on tokens.
     *
     * @return the algorithm
     */
    public JWSAlgorithm signingAlgorithm() {
        return signingAlgorithm;
    }

    /**
     * The relying party's private decryption keys (FranceConnect+); empty otherwise.
     *
     * @return the private keys
     */
    public JWKSet decryptionKeys() {
        return decryptionKeys;
    }

    /**
     * The public half of {@link #decryptionKeys()}, to publish at the relying party's JWKS URL.
     *
     * @return the public keys
     */
    public JWKSet publicEncryptionJwks() {
        return decryptionKeys.toPublicJWKSet();
    }

    /**
     * How userinfo arrives: plain JSON (test providers) or a signed JWT (the public platforms).
     *
     * @return the format
     */
    public UserInfoFormat userInfoFormat() {
        return userInfoFormat;
    }

    /**
     * Tolerance on exp, iat and nbf.
     *
     * @return at most 5 minutes
     */
    public Duration clockSkew() {
        return clockSkew;
    }

    /**
     * Timeout of each call to the provider.
     *
     * @return the timeout
     */
    public Duration httpTimeout() {
        return httpTimeout;
    }

    /**
     * How long a started login (its state) stays valid.
     *
     * @return the login timeout
     */
    public Duration loginTimeout() {
        return loginTimeout;
    }

    /**
     * Whether PKCE is sent when the provider announces S256.
     *
     * @return {@code true} by default
     */
    public boolean pkce() {
        return pkce;
    }

    @Override
    public String toString() {
        return "RelyingPartyConfig[tenant=" + tenantId + ", kind=" + kind + ", issuer=" + issuer + ", clientId="
                + clientId + ", auth=" + clientAuthentication + ", acr=" + acr.value() + ", scopes=" + scopes + "]";
    }

    /** Checks each value as it is set; {@link #build()} checks the combination. */
    public static final class Builder {
        private final String tenantId;
        private @Nullable ProviderKind kind;
        private @Nullable URI issuer;
        private @Nullable String clientId;
        private @Nullable ClientAuthentication clientAuthentication;
        private @Nullable URI redirectUri;
        private @Nullable URI postLogoutRedirectUri;
        private Set<String> scopes = new LinkedHashSet<>(List.of("openid"));
        private @Nullable AcrLevel acr;
        private @Nullable String claims;
        private Set<String> prompt = new LinkedHashSet<>();
        private JWSAlgorithm signingAlgorithm = JWSAlgorithm.ES256;
        private JWKSet decryptionKeys = new JWKSet();
        private UserInfoFormat userInfoFormat = UserInfoFormat.SIGNED_JWT;
        private Duration clockSkew = Duration.ofSeconds(30);
        private Duration httpTimeout = Duration.ofSeconds(5);
        private Duration loginTimeout = Duration.ofMinutes(10);
        private boolean pkce = true;

        private Builder(String tenantId) {
            if (tenantId == null || !TENANT.matcher(tenantId).matches()) {
                throw new InvalidConfigurationException("tenantId", tenantId, "must match " + TENANT.pattern());
            }
            this.tenantId = tenantId;
        }

        /**
         * One of the public platforms: sets the kind and the issuer.
         *
         * @param platform the platform
         * @return this builder
         */
        public Builder platform(Platform platform) {
            Objects.requireNonNull(platform, "platform");
            this.kind = platform.kind();
            this.issuer = platform.issuer();
            return this;
        }

        /**
         * Another provider (a local test provider): its kind and exact issuer.
         *
         * @param kind FranceConnect or FranceConnect+
         * @param issuer the provider's exact issuer: https, or http on loopback
         * @return this builder
         * @throws InvalidConfigurationException when the issuer is neither, or has a query
         */
        public Builder provider(ProviderKind kind, URI issuer) {
            if (kind == null) {
                throw new InvalidConfigurationException("kind", null, "is required");
            }
            if (issuer == null) {
                throw new InvalidConfigurationException("issuer", null, "is required");
            }
            checkEndpoint("issuer", issuer);
            if (issuer.getQuery() != null) {
                throw new InvalidConfigurationException("issuer", issuer, "must not have a query");
            }
            this.kind = kind;
            this.issuer = issuer;
            return this;
        }

        /**
         * The client identifier the provider registered (required).
         *
         * @param clientId 1 to 256 characters
         * @return this builder
         * @throws InvalidConfigurationException when blank or too long
         */
        public Builder clientId(String clientId) {
            if (clientId == null || clientId.isBlank() || clientId.length() > 256) {
                throw new InvalidConfigurationException("clientId", clientId, "must be 1 to 256 non-blank characters");
            }
            this.clientId = clientId;
            return this;
        }

        /**
         * How the client authenticates at the token endpoint (required).
         *
         * @param clientAuthentication secret or private key
         * @return this builder
         * @throws InvalidConfigurationException when {@code null}
         */
        public Builder clientAuthentication(ClientAuthentication clientAuthentication) {
            if (clientAuthentication == null) {
                throw new InvalidConfigurationException("clientAuthentication", null, "is required");
            }
            this.clientAuthentication = clientAuthentication;
            return this;
        }

        /**
         * The callback URL, registered exactly with the provider.
         *
         * @param redirectUri the callback URL
         * @return this builder
         * @throws InvalidConfigurationException when missing or neither https nor http on loopback
         */
        public Builder redirectUri(URI redirectUri) {
            if (redirectUri == null) {
                throw new InvalidConfigurationException("redirectUri", null, "is required");
            }
            checkEndpoint("redirectUri", redirectUri);
            this.redirectUri = redirectUri;
            return this;
        }

        /**
         * Where the provider sends the browser back after a logout; without it there is no RP-initiated logout.
         *
         * @param postLogoutRedirectUri the URL registered with the provider
         * @return this builder
         * @throws InvalidConfigurationException when {@code null}
         */
        public Builder postLogoutRedirectUri(URI postLogoutRedirectUri) {
            if (postLogoutRedirectUri == null) {
                throw new InvalidConfigurationException("postLogoutRedirectUri", null, "is required");
            }
            checkEndpoint("postLogoutRedirectUri", postLogoutRedirectUri);
            this.postLogoutRedirectUri = postLogoutRedirectUri;
            return this;
        }

        /**
         * The requested scopes; {@code openid} is required.
         *
         * @param scopes the scopes, such as {@code openid}, {@code given_name}, {@code birthdate}
         * @return this builder
         * @throws InvalidConfigurationException when a name is not a scope name ({@code openid} missing is
         *     refused by {@link #build()})
         */
        public Builder scopes(String... scopes) {
            Set<String> set = new LinkedHashSet<>();
            for (String scope : scopes) {
                if (scope == null || !scope.matches("[a-z_]{2,64}")) {
                    throw new InvalidConfigurationException("scopes", scope, "is not a scope name");
                }
                set.add(scope);
            }
            this.scopes = set;
            return this;
        }

        /**
         * The level to ask for; by default eIDAS1 for FranceConnect, eIDAS3 for FranceConnect+.
         *
         * @param acr a level the provider accepts
         * @return this builder
         * @throws InvalidConfigurationException when {@code null}
         */
        public Builder acr(AcrLevel acr) {
            if (acr == null) {
                throw new InvalidConfigurationException("acr", null, "is required");
            }
            this.acr = acr;
            return this;
        }

        /**
         * The {@code claims} parameter, for example {@code {"id_token":{"amr":{"essential":true}}}}.
         *
         * @param claimsJson the JSON object
         * @return this builder
         * @throws InvalidConfigurationException when it is not a JSON object
         */
        public Builder claims(String claimsJson) {
            try {
                JSONObjectUtils.parse(claimsJson);
            } catch (java.text.ParseException | RuntimeException e) {
                throw new InvalidConfigurationException("claims", claimsJson, "must be a JSON object");
            }
            this.claims = claimsJson;
            return this;
        }

        /**
         * {@code login} and/or {@code consent}.
         *
         * @param values the prompt values
         * @return this builder
         * @throws InvalidConfigurationException for another value
         */
        public Builder prompt(String... values) {
            Set<String> set = new LinkedHashSet<>();
            for (String value : values) {
                String v = value == null ? null : value.toLowerCase(Locale.ROOT);
                if (v == null || !PROMPTS.contains(v)) {
                    throw new InvalidConfigurationException("prompt", value, "must be one of " + PROMPTS);
                }
                set.add(v);
            }
            this.prompt = set;
            return this;
        }

        /**
         * The algorithm registered with the provider; tokens signed otherwise are refused.
         *
         * @param algorithm one the provider's offer allows
         * @return this builder
         * @throws InvalidConfigurationException when {@code null}
         */
        public Builder signingAlgorithm(JWSAlgorithm algorithm) {
            if (algorithm == null) {
                throw new InvalidConfigurationException("signingAlgorithm", null, "is required");
            }
            this.signingAlgorithm = algorithm;
            return this;
        }

        /**
         * FranceConnect+: the relying party's private keys (RSA-OAEP / RSA-OAEP-256 / ECDH-ES).
         *
         * @param keys private keys, each with a {@code kid}
         * @return this builder
         * @throws InvalidConfigurationException when the set is missing, or a key is public or lacks a kid
         */
        public Builder decryptionKeys(JWKSet keys) {
            if (keys == null) {
                throw new InvalidConfigurationException("decryptionKeys", null, "is required");
            }
            for (JWK key : keys.getKeys()) {
                if (!key.isPrivate()) {
                    throw new InvalidConfigurationException("decryptionKeys", key.getKeyID(), "must hold private keys");
                }
                if (key.getKeyID() == null) {
                    throw new InvalidConfigurationException("decryptionKeys", key.getKeyType(), "each key needs a kid");
                }
            }
            this.decryptionKeys = keys;
            return this;
        }

        /**
         * How userinfo arrives; the public platforms sign it (FranceConnect+ also encrypts it).
         *
         * @param format the format
         * @return this builder
         * @throws InvalidConfigurationException when {@code null}
         */
        public Builder userInfoFormat(UserInfoFormat format) {
            if (format == null) {
                throw new InvalidConfigurationException("userInfoFormat", null, "is required");
            }
            this.userInfoFormat = format;
            return this;
        }

        /**
         * At most 5 minutes.
         *
         * @param skew the tolerance
         * @return this builder
         * @throws InvalidConfigurationException when negative or over 5 minutes
         */
        public Builder clockSkew(Duration skew) {
            if (skew == null || skew.isNegative() || skew.compareTo(Duration.ofMinutes(5)) > 0) {
                throw new InvalidConfigurationException("clockSkew", skew, "must be between 0 and PT5M");
            }
            this.clockSkew = skew;
            return this;
        }

        /**
         * Between 100 ms and 60 s; the code lives 30 s, so long timeouts are pointless.
         *
         * @param timeout the timeout
         * @return this builder
         * @throws InvalidConfigurationException outside that range
         */
        public Builder httpTimeout(Duration timeout) {
            if (timeout == null
                    || timeout.compareTo(Duration.ofMillis(100)) < 0
                    || timeout.compareTo(Duration.ofSeconds(60)) > 0) {
                throw new InvalidConfigurationException("httpTimeout", timeout, "must be between PT0.1S and PT60S");
            }
            this.httpTimeout = timeout;
            return this;
        }

        /**
         * Between 1 minute and 30 minutes (FranceConnect's session length).
         *
         * @param timeout how long the state stays valid
         * @return this builder
         * @throws InvalidConfigurationException outside that range
         */
        public Builder loginTimeout(Duration timeout) {
            if (timeout == null
                    || timeout.compareTo(Duration.ofMinutes(1)) < 0
                    || timeout.compareTo(Duration.ofMinutes(30)) > 0) {
                throw new InvalidConfigurationException("loginTimeout", timeout, "must be between PT1M and PT30M");
            }
            this.loginTimeout = timeout;
            return this;
        }

        /**
         * PKCE (S256) when the provider announces it; on by default.
         *
         * @param pkce {@code false} to send no PKCE
         * @return this builder
         */
        public Builder pkce(boolean pkce) {
            this.pkce = pkce;
            return this;
        }

        /**
         * Checks the configuration as a whole: the provider is set, the required values are given, and they agree
         * with the offer (FranceConnect+ needs decryption keys and signed userinfo, a public platform refuses plain
         * JSON userinfo...).
         *
         * @return the immutable configuration
         * @throws InvalidConfigurationException naming the first value at fault
         */
        public RelyingPartyConfig build() {
            if (kind == null || issuer == null) {
                throw new InvalidConfigurationException("platform", null, "call platform(...) or provider(...)");
            }
            return new RelyingPartyConfig(this);
        }
    }
}
