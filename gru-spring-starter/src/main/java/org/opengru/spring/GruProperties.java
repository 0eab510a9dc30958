package org.opengru.spring;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * OpenGRU's settings, under the prefix {@code gru}.
 *
 * <pre>
 * gru.defaults.contact.service=Accueil de la mairie
 * gru.tenants.saint-martin.name=Mairie de Saint-Martin
 * gru.tenants.saint-martin.franceconnect.client-id=...
 * </pre>
 *
 * @param storage where OpenGRU keeps its data: {@code auto} uses PostgreSQL when the application
 *     has a DataSource and memory otherwise
 * @param jobs the background jobs (outbox relay, deadline sweeper) the application runs itself
 * @param health the health checks that call out (identity providers, ClamAV), run in the background
 * @param defaults the shared block every tenant inherits from
 * @param tenants the collectivités served by this installation, by id (lower case letters, digits
 *     and dashes)
 * @param documents the document vault shared by every tenant (each document belongs to one tenant)
 * @param scheduling the appointment booking rules shared by every tenant
 * @param webhooks the back-office software (logiciels métier) receiving every event, by subscriber name
 * @param security the Spring Security integration (FranceConnect for residents, ProConnect for agents)
 * @param notifications the notifications the starter sends when a tenant has {@code mail.smtp}
 * @param reports the signalements' settings shared by every tenant (each tenant's own are under {@code
 *     gru.tenants.<id>.reports})
 * @param submissionBatching with PostgreSQL storage, the group commit of new requests (off by default)
 */
@ConfigurationProperties(prefix = "gru", ignoreUnknownFields = false)
@Validated
public record GruProperties(
        @DefaultValue("auto") @NotNull Storage storage,
        @Valid @DefaultValue Jobs jobs,
        @Valid @DefaultValue HealthChecks health,
        @Valid @DefaultValue @NestedConfigurationProperty TenantProperties defaults,
        @Nullable Map<@Pattern(regexp = "[a-z0-9][a-z0-9-]{0,62}") String, @Valid TenantProperties> tenants,
        @Valid @DefaultValue Documents documents,
        @Valid @DefaultValue SchedulingRules scheduling,
        @Nullable Map<@Pattern(regexp = "[a-z0-9][a-z0-9._-]{0,62}") String, @Valid Webhook> webhooks,
        @Valid @DefaultValue Security security,
        @Valid @DefaultValue Notifications notifications,
        @Valid @DefaultValue ReportRules reports,
        @Valid @DefaultValue SubmissionBatching submissionBatching) {

    /**
     * The group commit of new requests with PostgreSQL storage: the requests filed at the same moment on this
     * node go to the database in one statement and one commit, each caller keeping its own outcome
     * (docs/persistence.md, "Group commit of new requests"). Off by default ({@code max-batch} 1); {@code
     * max-batch=16} and {@code in-flight=2} is the setting measured. Each in-flight batch holds one of the
     * pool's connections while it writes.
     *
     * @param maxBatch the most new requests written by one statement (1: no batching)
     * @param inFlight the most batch statements written at once, so that their commits overlap
     */
    public record SubmissionBatching(
            @DefaultValue("1") @Min(1) @Max(256) int maxBatch,
            @DefaultValue("1") @Min(1) @Max(64) int inFlight) {}

    /**
     * The signalements' shared settings.
     *
     * @param floodLimit the most reports (and "+1") from one origin (the client's address) in each {@code
     *     flood-window}; shared by the nodes in PostgreSQL when storage is JDBC, else counted in memory
     * @param floodWindow the window of {@code flood-limit}
     * @param geocoderUrl the Base Adresse Nationale's geocoding API (or a copy of it), which finds the point of
     *     an address typed instead of picked on the map
     * @param geocoderTimeout how long to wait for the geocoder before telling the resident to use the map
     * @param confirmationUrl the portal's page that verifies the e-mail of a reporter without an account: the
     *     verification e-mail links to it with {@code ?jeton=<secret>} appended
     * @param reportUrl the portal's public page of a report is this followed by the report's id, linked from
     *     the e-mails to reporters without an account
     */
    public record ReportRules(
            @DefaultValue("10") @Min(1) int floodLimit,
            @DefaultValue("1h") @DurationMin(seconds = 1) Duration floodWindow,

            @DefaultValue("https://api-adresse.data.gouv.fr") @NotNull
            URI geocoderUrl,

            @DefaultValue("3s") @DurationMin(millis = 100) @DurationMax(minutes = 1)
            Duration geocoderTimeout,

            @DefaultValue("/signalements/confirmation") @NotBlank
            String confirmationUrl,

            @DefaultValue("/signalements/") @NotBlank String reportUrl) {}

    /**
     * The notifications the starter sends (when a tenant sets {@code mail.smtp} and the application defines
     * no {@code NotificationService}): by e-mail, falling back to the in-app inbox, for the request events
     * the applicant is told of.
     *
     * @param requestUrl the portal's address of a request, which the notices link to, is this followed by
     *     the request id, for example {@code https://demarches.mairie.fr/mes-demandes/}
     * @param zone the time zone of the dates the notices print
     * @param reservationUrl the portal's page of a reservation, which the approval notice links to, is the
     *     collectivité's {@code portal-url} followed by this and the reservation id
     * @param registrationUrl the portal's page of an event registration, which the notice of a place offered
     *     from a waiting list links to, is the collectivité's {@code portal-url} followed by this and the
     *     registration id
     */
    public record Notifications(
            @DefaultValue("/mes-demandes/") @NotBlank String requestUrl,
            @DefaultValue("Europe/Paris") @NotNull ZoneId zone,

            @DefaultValue("/reservations/") @NotBlank @Pattern(regexp = "/[^\\s?#]*")
            String reservationUrl,

            @DefaultValue("/inscriptions/") @NotBlank @Pattern(regexp = "/[^\\s?#]*")
            String registrationUrl) {

        /**
         * The portal's address of a page of the collectivité, or empty without a {@code portal-url}.
         *
         * @param portalUrl the collectivité's portal, or {@code null}
         * @param path a path of this block ({@link #reservationUrl}, {@link #registrationUrl})
         * @param id the item's id
         * @return the address
         */
        public static java.util.Optional<String> link(@Nullable String portalUrl, String path, Object id) {
            if (portalUrl == null) {
                return java.util.Optional.empty();
            }
            String base = portalUrl.endsWith("/") ? portalUrl.substring(0, portalUrl.length() - 1) : portalUrl;
            return java.util.Optional.of(base + path + id);
        }
    }

    /**
     * The document vault.
     *
     * @param masterKey the master key wrapping every document's own key: 32 random bytes in Base64
     *     ({@code openssl rand -base64 32}). Required; keep it out of the source (an environment variable)
     * @param masterKeyId the name of the master key, stored with each wrapped key so that keys can rotate
     * @param storagePath the directory holding the encrypted files; in memory when unset (demonstrations)
     * @param clamdHost the ClamAV daemon scanning each upload; without it uploads are not scanned
     * @param clamdPort the ClamAV daemon's TCP port
     * @param clamdTimeout how long to wait for the ClamAV daemon's verdict before quarantining the file
     */
    public record Documents(
            @Nullable Secret masterKey,
            @DefaultValue("master-1") @NotBlank String masterKeyId,
            @Nullable Path storagePath,
            @Nullable String clamdHost,
            @DefaultValue("3310") @Min(1) @Max(65535) int clamdPort,
            @DefaultValue("30s") @NotNull Duration clamdTimeout) {}

    /**
     * The booking rules.
     *
     * @param holdDuration how long a hold keeps a slot while the resident fills the form (30 s to 1 h)
     * @param waitingListHold how long a freed slot is kept for the next person on the waiting list
     * @param maxNoShows refuse online bookings to a usager with this many no-shows (0: no limit)
     * @param reminders when to remind before each appointment
     * @param alternatives how many nearest free slots to offer when a slot is gone
     * @param rateLimit the most booking attempts per usager in each {@code rate-limit-window} (0: no limit)
     * @param rateLimitWindow the window of {@code rate-limit}
     */
    public record SchedulingRules(
            @DefaultValue("10m") @NotNull Duration holdDuration,
            @DefaultValue("2h") @NotNull Duration waitingListHold,
            @DefaultValue("0") @Min(0) int maxNoShows,
            @DefaultValue({"48h", "2h"}) @NotNull List<Duration> reminders,
            @DefaultValue("5") @Min(0) @Max(50) int alternatives,
            @DefaultValue("20") @Min(0) int rateLimit,
            @DefaultValue("1m") @NotNull Duration rateLimitWindow) {}

    /**
     * A logiciel métier receiving every event as a signed webhook (HMAC-SHA256).
     *
     * @param url the receiver's URL
     * @param secret the shared secret the signature is computed with (at least 32 characters)
     * @param timeout how long to wait for the receiver's answer
     * @param maxAttempts after that many failed attempts an event is dead-lettered
     */
    public record Webhook(
            @NotNull URI url,
            @NotNull @Secret.MinLength(32) Secret secret,
            @DefaultValue("10s") @NotNull Duration timeout,
            @DefaultValue("10") @Min(1) @Max(100) int maxAttempts) {}

    /**
     * The Spring Security integration.
     *
     * @param enabled whether OpenGRU adds FranceConnect and ProConnect sign-in to Spring Security
     * @param loginPath where a resident starts a FranceConnect sign-in (the entry point redirects there
     *     unless {@code login-page} is set)
     * @param callbackPath where FranceConnect sends the resident back (the path of the registered redirect URI)
     * @param agentLoginPath where an agent starts a ProConnect sign-in
     * @param agentCallbackPath where ProConnect sends the agent back
     * @param logoutPath where a signed-in user logs out (POST)
     * @param logoutCallbackPath where the provider sends the user back after logout
     * @param loginPage the application's sign-in page (with the FranceConnect button) where an anonymous
     *     resident is sent; a failed sign-in comes back to it with {@code ?login-error}. Unset: straight to
     *     {@code login-path}, and failures go to {@code /?login-error}
     * @param agentLoginPage the application's sign-in page for agents (with the ProConnect button) where an
     *     anonymous visitor of {@code agent-paths} is sent; a failed agent sign-in comes back to it with
     *     {@code ?login-error}. Unset: straight to {@code agent-login-path}
     * @param homePath where a resident lands after signing in when no protected page was asked for
     * @param agentHomePath where an agent lands after signing in when no protected page was asked for
     * @param loggedOutPath where the browser lands once logged out (after the provider's logout when it has one)
     * @param publicPaths paths open without signing in (the default filter chain only)
     * @param agentPaths paths for agents only: an anonymous visitor is sent to the agent sign-in, a
     *     resident is refused (the default filter chain only)
     * @param contentSecurityPolicy the Content-Security-Policy of every response: by default only the
     *     application's own scripts, styles and images (no inline script or style), no plugin, no framing
     * @param permissionsPolicy the Permissions-Policy of every response: by default no camera, microphone,
     *     geolocation, payment or USB
     */
    public record Security(
            @DefaultValue("true") boolean enabled,

            @DefaultValue("/login/franceconnect") @Pattern(regexp = "/.*")
            String loginPath,

            @DefaultValue("/login/franceconnect/callback") @Pattern(regexp = "/.*")
            String callbackPath,

            @DefaultValue("/login/proconnect") @Pattern(regexp = "/.*")
            String agentLoginPath,

            @DefaultValue("/login/proconnect/callback") @Pattern(regexp = "/.*")
            String agentCallbackPath,

            @DefaultValue("/logout") @Pattern(regexp = "/.*")
            String logoutPath,

            @DefaultValue("/logout/callback") @Pattern(regexp = "/.*")
            String logoutCallbackPath,

            @Pattern(regexp = "/.*") @Nullable String loginPage,

            @Pattern(regexp = "/.*") @Nullable String agentLoginPage,

            @DefaultValue("/") @Pattern(regexp = "/.*") String homePath,

            @DefaultValue("/") @Pattern(regexp = "/.*") String agentHomePath,

            @DefaultValue("/") @Pattern(regexp = "/.*") String loggedOutPath,

            @DefaultValue({"/", "/error", "/css/**", "/js/**", "/images/**", "/actuator/health", "/actuator/health/**"})
            @NotNull
            List<String> publicPaths,

            @DefaultValue("/agent/**") @NotNull List<String> agentPaths,

            @DefaultValue(
                    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self';"
                            + " connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'")
            @NotBlank
            String contentSecurityPolicy,

            @DefaultValue("camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()") @NotBlank
            String permissionsPolicy) {}

    /** The webhooks by subscriber name, sorted. */
    public Map<String, Webhook> webhooksOrEmpty() {
        return webhooks == null ? Map.of() : new TreeMap<>(webhooks);
    }

    /** Where data is kept. */
    public enum Storage {
        /** PostgreSQL when a DataSource exists, memory otherwise. */
        AUTO,
        /** Memory only: data does not survive a restart. */
        MEMORY,
        /** PostgreSQL through the application's DataSource; startup fails without one. */
        JDBC
    }

    /**
     * The jobs OpenGRU schedules in this application. With PostgreSQL storage every node runs them on one
     * shared schedule (each job on one node at a time, once per interval); in memory, in this JVM. Turn them
     * off to run them elsewhere (a batch runner): every job is also a plain bean that can be called.
     *
     * @param enabled whether this application runs the jobs at all
     * @param outboxRelayInterval how often the outbox relay looks for events to deliver
     * @param deadlineSweepInterval how often due implicit decisions (silence vaut accord/rejet) are applied
     * @param outboxRelayLease how long a batch claimed by the relay stays hidden from the other nodes' relays
     *     (1 s to 1 h, at least each webhook's timeout plus 5 s to connect); unset, twice the longest of
     *     those and at least a minute. A node that dies mid-batch delays its events by this much
     * @param intervals the interval of other jobs by job name ({@code expire-holds}, {@code login-flow-purge},
     *     {@code retention-<tenant>}...), each at least the job's own minimum
     * @param lease with PostgreSQL storage, how long a node that stopped writing heartbeats (killed, frozen,
     *     cut from the database) keeps a job it was running before another node takes it over (2 s to 1 h)
     * @param nodeName with PostgreSQL storage, the name this node writes on the jobs it runs (the host name
     *     and the process id unless set)
     */
    public record Jobs(
            @DefaultValue("true") boolean enabled,

            @DefaultValue("1s") @NotNull @DurationMin(millis = 100)
            Duration outboxRelayInterval,

            @DefaultValue("5m") @NotNull @DurationMin(seconds = 1)
            Duration deadlineSweepInterval,

            @Nullable @DurationMin(seconds = 1) @DurationMax(hours = 1)
            Duration outboxRelayLease,

            @Nullable Map<@Pattern(regexp = "[a-z0-9][a-z0-9._-]{0,99}") String, @NotNull Duration> intervals,

            @DefaultValue("30s") @NotNull @DurationMin(seconds = 2) @DurationMax(hours = 1)
            Duration lease,

            @Nullable @Size(min = 1, max = 100) String nodeName) {

        /** {@link #intervals()}, sorted, empty when unset. */
        public Map<String, Duration> intervalsOrEmpty() {
            return intervals == null ? Map.of() : new TreeMap<>(intervals);
        }
    }

    /**
     * The health checks that call out (each tenant's identity providers, the ClamAV daemon). Each node runs
     * them in the background; {@code /actuator/health} answers with the last result and makes no call.
     *
     * @param refreshInterval how often each node checks the identity providers and ClamAV in the background
     *     (the first time at start); {@code /actuator/health} answers with the last result
     */
    public record HealthChecks(
            @DefaultValue("1m") @NotNull @DurationMin(seconds = 5)
            Duration refreshInterval) {}

    /** The tenants' ids, sorted. */
    public Iterable<String> tenantIds() {
        return tenantsOrEmpty().keySet();
    }

    /** The settings of one tenant, with what it leaves unset inherited from {@link #defaults()}. */
    public TenantProperties tenant(String id) {
        TenantProperties own = tenantsOrEmpty().get(id);
        if (own == null) {
            throw new IllegalArgumentException("No tenant '" + id + "' under gru.tenants; known: "
                    + tenantsOrEmpty().keySet());
        }
        return own.inheritFrom(defaults);
    }

    private Map<String, TenantProperties> tenantsOrEmpty() {
        return tenants == null ? Map.of() : new TreeMap<>(tenants);
    }
}
