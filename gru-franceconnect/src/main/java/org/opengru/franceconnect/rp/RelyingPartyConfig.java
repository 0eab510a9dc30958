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

    public static Builder builder(String tenantId) {
        return new Builder(tenantId);
    }

    /** A builder pre-filled with this configuration, to derive a variant (for example production). */
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

    public String tenantId() {
        return tenantId;
    }

    public ProviderKind kind() {
        return kind;
    }

    /** The provider's exact issuer identifier; discovery is fetched below it. */
    public URI issuer() {
        return issuer;
    }

    public String clientId() {
        return clientId;
    }

    public ClientAuthentication clientAuthentication() {
        return clientAuthentication;
    }

    public URI redirectUri() {
        return redirectUri;
    }

    public @Nullable URI postLogoutRedirectUri() {
        return postLogoutRedirectUri;
    }

    public Set<String> scopes() {
        return scopes;
    }

    /** The requested level, sent as {@code acr_values}; the ID token must reach at least it. */
    public AcrLevel acr() {
        return acr;
    }

    /** The {@code claims} request parameter (JSON), if any. */
    public @Nullable String claims() {
        return claims;
    }

    public Set<String> prompt() {
        return prompt;
    }

    /** The algorithm registered with the provider: the only one accepted on tokens. */
    public JWSAlgorithm signingAlgorithm() {
        return signingAlgorithm;
    }

    /** The relying party's private decryption keys (FranceConnect+); empty otherwise. */
    public JWKSet decryptionKeys() {
        return decryptionKeys;
    }

    /** The public half of {@link #decryptionKeys()}, to publish at the relying party's JWKS URL. */
    public JWKSet publicEncryptionJwks() {
        return decryptionKeys.toPublicJWKSet();
    }

    public UserInfoFormat userInfoFormat() {
        return userInfoFormat;
    }

    /** Tolerance on exp, iat and nbf. */
    public Duration clockSkew() {
        return clockSkew;
    }

    /** Timeout of each call to the provider. */
    public Duration httpTimeout() {
        return httpTimeout;
    }

    /** How long a started login (its state) stays valid. */
    public Duration loginTimeout() {
        return loginTimeout;
    }

    /** Whether PKCE is sent when the provider announces S256. */
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

        /** One of the public platforms: sets the kind and the issuer. */
        public Builder platform(Platform platform) {
            Objects.requireNonNull(platform, "platform");
            this.kind = platform.kind();
            this.issuer = platform.issuer();
            return this;
        }

        /** Another provider (a local test provider): its kind and exact issuer. */
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

        public Builder clientId(String clientId) {
            if (clientId == null || clientId.isBlank() || clientId.length() > 256) {
                throw new InvalidConfigurationException("clientId", clientId, "must be 1 to 256 non-blank characters");
            }
            this.clientId = clientId;
            return this;
        }

        public Builder clientAuthentication(ClientAuthentication clientAuthentication) {
            if (clientAuthentication == null) {
                throw new InvalidConfigurationException("clientAuthentication", null, "is required");
            }
            this.clientAuthentication = clientAuthentication;
            return this;
        }

        /** The callback URL, registered exactly with the provider. */
        public Builder redirectUri(URI redirectUri) {
            if (redirectUri == null) {
                throw new InvalidConfigurationException("redirectUri", null, "is required");
            }
            checkEndpoint("redirectUri", redirectUri);
            this.redirectUri = redirectUri;
            return this;
        }

        public Builder postLogoutRedirectUri(URI postLogoutRedirectUri) {
            if (postLogoutRedirectUri == null) {
                throw new InvalidConfigurationException("postLogoutRedirectUri", null, "is required");
            }
            checkEndpoint("postLogoutRedirectUri", postLogoutRedirectUri);
            this.postLogoutRedirectUri = postLogoutRedirectUri;
            return this;
        }

        /** The requested scopes; {@code openid} is required. */
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

        public Builder acr(AcrLevel acr) {
            if (acr == null) {
                throw new InvalidConfigurationException("acr", null, "is required");
            }
            this.acr = acr;
            return this;
        }

        /** The {@code claims} parameter, for example {@code {"id_token":{"amr":{"essential":true}}}}. */
        public Builder claims(String claimsJson) {
            try {
                JSONObjectUtils.parse(claimsJson);
            } catch (java.text.ParseException | RuntimeException e) {
                throw new InvalidConfigurationException("claims", claimsJson, "must be a JSON object");
            }
            this.claims = claimsJson;
            return this;
        }

        /** {@code login} and/or {@code consent}. */
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

        public Builder signingAlgorithm(JWSAlgorithm algorithm) {
            if (algorithm == null) {
                throw new InvalidConfigurationException("signingAlgorithm", null, "is required");
            }
            this.signingAlgorithm = algorithm;
            return this;
        }

        /** FranceConnect+: the relying party's private keys (RSA-OAEP / RSA-OAEP-256 / ECDH-ES). */
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

        public Builder userInfoFormat(UserInfoFormat format) {
            if (format == null) {
                throw new InvalidConfigurationException("userInfoFormat", null, "is required");
            }
            this.userInfoFormat = format;
            return this;
        }

        /** At most 5 minutes. */
        public Builder clockSkew(Duration skew) {
            if (skew == null || skew.isNegative() || skew.compareTo(Duration.ofMinutes(5)) > 0) {
                throw new InvalidConfigurationException("clockSkew", skew, "must be between 0 and PT5M");
            }
            this.clockSkew = skew;
            return this;
        }

        /** Between 100 ms and 60 s; the code lives 30 s, so long timeouts are pointless. */
        public Builder httpTimeout(Duration timeout) {
            if (timeout == null
                    || timeout.compareTo(Duration.ofMillis(100)) < 0
                    || timeout.compareTo(Duration.ofSeconds(60)) > 0) {
                throw new InvalidConfigurationException("httpTimeout", timeout, "must be between PT0.1S and PT60S");
            }
            this.httpTimeout = timeout;
            return this;
        }

        /** Between 1 minute and 30 minutes (FranceConnect's session length). */
        public Builder loginTimeout(Duration timeout) {
            if (timeout == null
                    || timeout.compareTo(Duration.ofMinutes(1)) < 0
                    || timeout.compareTo(Duration.ofMinutes(30)) > 0) {
                throw new InvalidConfigurationException("loginTimeout", timeout, "must be between PT1M and PT30M");
            }
            this.loginTimeout = timeout;
            return this;
        }

        /** PKCE (S256) when the provider announces it; on by default. */
        public Builder pkce(boolean pkce) {
            this.pkce = pkce;
            return this;
        }

        public RelyingPartyConfig build() {
            if (kind == null || issuer == null) {
                throw new InvalidConfigurationException("platform", null, "call platform(...) or provider(...)");
            }
            return new RelyingPartyConfig(this);
        }
    }
}
