package org.opengru.franceconnect.apiparticulier;

import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.opengru.core.tenancy.TenantId;
import org.opengru.core.value.Siret;
import org.opengru.franceconnect.InvalidConfigurationException;

/**
 * One commune's API Particulier client configuration: immutable, checked when built.
 *
 * <pre>{@code
 * ApiParticulierConfig config = ApiParticulierConfig.builder(TenantId.of("commune-69123"))
 *         .environment(ApiParticulierConfig.Environment.STAGING)
 *         .token(System.getenv("API_PARTICULIER_TOKEN"))
 *         .recipient(Siret.parse("21690123100011"))
 *         .habilitations(habilitations)
 *         .build();
 * }</pre>
 */
public final class ApiParticulierConfig {

    /** The two public hosts; switching to production changes the host and the token, not the code. */
    public enum Environment {
        /** The production API, with the commune's production token. */
        PRODUCTION("https://particulier.api.gouv.fr"),
        /** The staging API and its test tokens (the default, so that a forgotten setting never reaches real data). */
        STAGING("https://staging.particulier.api.gouv.fr");

        private final URI baseUri;

        Environment(String baseUri) {
            this.baseUri = URI.create(baseUri);
        }

        /**
         * The base address of this environment.
         *
         * @return the https address the routes are appended to
         */
        public URI baseUri() {
            return baseUri;
        }
    }

    private final TenantId tenant;
    private final URI baseUri;
    private final String token;
    private final Siret recipient;
    private final Habilitations habilitations;
    private final Duration timeout;
    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final Duration maxRateLimitWait;

    private ApiParticulierConfig(Builder b) {
        this.tenant = b.tenant;
        this.baseUri = b.baseUri;
        if (b.token == null) {
            throw new InvalidConfigurationException("token", null, "is required");
        }
        this.token = b.token;
        if (b.recipient == null) {
            throw new InvalidConfigurationException("recipient", null, "the SIRET receiving the data is required");
        }
        this.recipient = b.recipient;
        if (b.habilitations == null) {
            throw new InvalidConfigurationException("habilitations", null, "is required");
        }
        this.habilitations = b.habilitations;
        this.timeout = b.timeout;
        this.maxAttempts = b.maxAttempts;
        this.initialBackoff = b.initialBackoff;
        this.maxBackoff = b.maxBackoff;
        this.maxRateLimitWait = b.maxRateLimitWait;
    }

    /**
     * Starts a configuration for one collectivité.
     *
     * @param tenant the collectivité whose token this is
     * @return a builder on the staging environment with 5 s per attempt, 3 attempts and a 2 s rate-limit wait
     * @throws InvalidConfigurationException when the tenant is {@code null}
     */
    public static Builder builder(TenantId tenant) {
        return new Builder(tenant);
    }

    /**
     * The collectivité whose token this is: one client per tenant.
     *
     * @return the tenant
     */
    public TenantId tenant() {
        return tenant;
    }

    /**
     * The base address the routes are appended to.
     *
     * @return an https address (http on loopback for tests)
     */
    public URI baseUri() {
        return baseUri;
    }

    String token() {
        return token;
    }

    /**
     * The SIRET of the administration receiving the data, sent as {@code recipient} on every call.
     *
     * @return the SIRET
     */
    public Siret recipient() {
        return recipient;
    }

    /**
     * Which démarche may read which dataset; checked before every call.
     *
     * @return the habilitations
     */
    public Habilitations habilitations() {
        return habilitations;
    }

    /**
     * The limit of one attempt, connection and complete answer included.
     *
     * @return between 0.1 and 30 seconds
     */
    public Duration timeout() {
        return timeout;
    }

    /**
     * How many attempts a call may make; retried only where it is safe (see {@link ApiParticulierClient}).
     *
     * @return 1 (no retry) to 5
     */
    public int maxAttempts() {
        return maxAttempts;
    }

    /**
     * The wait before the first retry; it doubles at each retry.
     *
     * @return the first back-off
     */
    public Duration initialBackoff() {
        return initialBackoff;
    }

    /**
     * The longest wait between two retries.
     *
     * @return the cap of the back-off
     */
    public Duration maxBackoff() {
        return maxBackoff;
    }

    /**
     * The longest the client waits for a rate-limit window to reopen before failing instead.
     *
     * @return between 0 and one minute
     */
    public Duration maxRateLimitWait() {
        return maxRateLimitWait;
    }

    @Override
    public String toString() {
        return "ApiParticulierConfig[tenant=" + tenant + ", baseUri=" + baseUri + ", recipient=" + recipient
                + ", token=***]";
    }

    /** Builds an {@link ApiParticulierConfig}; each setter checks its value at once and names it when it refuses it. */
    public static final class Builder {
        private final TenantId tenant;
        private URI baseUri = Environment.STAGING.baseUri();
        private @Nullable String token;
        private @Nullable Siret recipient;
        private @Nullable Habilitations habilitations;
        private Duration timeout = Duration.ofSeconds(5);
        private int maxAttempts = 3;
        private Duration initialBackoff = Duration.ofMillis(200);
        private Duration maxBackoff = Duration.ofSeconds(2);
        private Duration maxRateLimitWait = Duration.ofSeconds(2);

        private Builder(TenantId tenant) {
            if (tenant == null) {
                throw new InvalidConfigurationException("tenant", null, "is required");
            }
            this.tenant = tenant;
        }

        /**
         * Chooses the production or staging API.
         *
         * @param environment where the calls go
         * @return this builder
         */
        public Builder environment(Environment environment) {
            this.baseUri = environment.baseUri();
            return this;
        }

        /**
         * Another host (a local test server): https, or http on loopback only.
         *
         * @param baseUri the host's address
         * @return this builder
         * @throws InvalidConfigurationException when the address is neither https nor http on loopback
         */
        public Builder baseUri(URI baseUri) {
            String host = baseUri == null ? null : baseUri.getHost();
            boolean loopback = host != null && (host.equals("127.0.0.1") || host.equals("localhost"));
            if (baseUri == null
                    || host == null
                    || !("https".equals(baseUri.getScheme()) || ("http".equals(baseUri.getScheme()) && loopback))) {
                throw new InvalidConfigurationException("baseUri", baseUri, "must be https (http on loopback only)");
            }
            this.baseUri = baseUri;
            return this;
        }

        /**
         * The API Particulier token (a JWT, valid 18 months); never logged.
         *
         * @param token the token the API Particulier portal issued for this collectivité
         * @return this builder
         * @throws InvalidConfigurationException when the token is blank or holds spaces or non-ASCII characters
         */
        public Builder token(String token) {
            if (token == null || token.isBlank() || token.chars().anyMatch(c -> c < 0x21 || c > 0x7E)) {
                throw new InvalidConfigurationException(
                        "token", token == null ? null : "***", "must be printable ASCII without spaces");
            }
            this.token = token;
            return this;
        }

        /**
         * The SIRET of the administration receiving the data (required): API Particulier logs it with every call.
         *
         * @param recipient the commune's or the intercommunalité's SIRET
         * @return this builder
         */
        public Builder recipient(Siret recipient) {
            this.recipient = recipient;
            return this;
        }

        /**
         * Which démarche may read which dataset (required).
         *
         * @param habilitations the scopes granted per démarche
         * @return this builder
         */
        public Builder habilitations(Habilitations habilitations) {
            this.habilitations = habilitations;
            return this;
        }

        /**
         * Per attempt; API Particulier recommends 5 s.
         *
         * @param timeout between 0.1 and 30 seconds
         * @return this builder
         * @throws InvalidConfigurationException outside that range
         */
        public Builder timeout(Duration timeout) {
            if (timeout == null
                    || timeout.compareTo(Duration.ofMillis(100)) < 0
                    || timeout.compareTo(Duration.ofSeconds(30)) > 0) {
                throw new InvalidConfigurationException("timeout", timeout, "must be between PT0.1S and PT30S");
            }
            this.timeout = timeout;
            return this;
        }

        /**
         * 1 (no retry) to 5.
         *
         * @param maxAttempts how many attempts a call may make
         * @return this builder
         * @throws InvalidConfigurationException outside 1..5
         */
        public Builder maxAttempts(int maxAttempts) {
            if (maxAttempts < 1 || maxAttempts > 5) {
                throw new InvalidConfigurationException("maxAttempts", maxAttempts, "must be between 1 and 5");
            }
            this.maxAttempts = maxAttempts;
            return this;
        }

        /**
         * The exponential back-off between retries.
         *
         * @param initial the first wait
         * @param max the longest wait
         * @return this builder
         * @throws InvalidConfigurationException unless 0 &le; initial &le; max
         */
        public Builder backoff(Duration initial, Duration max) {
            if (initial == null || initial.isNegative() || max == null || max.compareTo(initial) < 0) {
                throw new InvalidConfigurationException("backoff", initial + ".." + max, "must be 0 <= initial <= max");
            }
            this.initialBackoff = initial;
            this.maxBackoff = max;
            return this;
        }

        /**
         * The longest a call waits for its rate-limit slot before failing with {@link RateLimitedException}
         * instead (nothing is sent then).
         *
         * @param wait between 0 and one minute
         * @return this builder
         * @throws InvalidConfigurationException outside that range
         */
        public Builder maxRateLimitWait(Duration wait) {
            if (wait == null || wait.isNegative() || wait.compareTo(Duration.ofMinutes(1)) > 0) {
                throw new InvalidConfigurationException("maxRateLimitWait", wait, "must be between 0 and PT1M");
            }
            this.maxRateLimitWait = wait;
            return this;
        }

        /**
         * Checks that the token, the recipient and the habilitations were given.
         *
         * @return the immutable configuration
         * @throws InvalidConfigurationException naming the first missing value
         */
        public ApiParticulierConfig build() {
            return new ApiParticulierConfig(this);
        }
    }
}
