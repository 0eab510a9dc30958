package org.opengru.franceconnect.apiparticulier;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.opengru.core.audit.AuditRecord;
import org.opengru.core.audit.AuditTrail;
import org.opengru.franceconnect.apiparticulier.ratelimit.ApiParticulierRateLimiter;
import org.opengru.franceconnect.apiparticulier.ratelimit.InMemoryRateLimiter;
import org.opengru.franceconnect.internal.HttpCalls;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * API Particulier client for one commune, following the official OpenAPI descriptions (v3 routes, and
 * v4 where v3 is deprecated).
 *
 * <ul>
 *   <li>Every call checks the démarche's habilitation first: outside it, no request leaves.
 *   <li>{@code Authorization: Bearer <token>} (or the FranceConnect access token on the {@code
 *       /france_connect} routes), {@code recipient} always sent; only the parameters the route declares.
 *   <li>Timeout per attempt (5 s by default), covering the whole answer, body included. Retries with
 *       exponential back-off only where repeating is safe and useful: the connection could not be
 *       made (nothing reached the server), or the answer says the provider is temporarily unavailable
 *       (503/504 except {@code 37008}). Never on 4xx, never on a read timeout (the request may still
 *       be processed: API Particulier answers {@code 409} to duplicates).
 *   <li>Rate limits: every attempt first takes a slot from the {@link ApiParticulierRateLimiter}
 *       (under 20 requests per second per token, shared by the nodes with the PostgreSQL adapter). A
 *       {@code 429} (its {@code Retry-After} or {@code meta.retry_in}), or {@code RateLimit-Remaining: 0}
 *       until {@code RateLimit-Reset}, pushes the next slot; later calls wait up to {@code
 *       maxRateLimitWait}, one slot apart, otherwise fail locally with {@link RateLimitedException}
 *       without sending anything.
 *   <li>Every call, refused or not, is appended to the gru-core {@link AuditTrail} of its request:
 *       who, which démarche, which scope, when, the outcome; never response data.
 * </ul>
 *
 * Thread-safe; one instance per tenant (per token: the rate limits are per token).
 */
public final class ApiParticulierClient {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** 504 codes that mean "try again later", except when the provider itself rate-limits us. */
    private static final Set<String> NOT_RETRIED_5XX = Set.of("37008");
    /**
     * Under API Particulier's 20 requests per second per token, with a margin for the network's jitter
     * between the slot and the arrival.
     */
    public static final int DEFAULT_REQUESTS_PER_SECOND = 19;

    private final ApiParticulierConfig config;
    private final HttpClient http;
    private final AuditTrail audit;
    private final Clock clock;
    private final Sleeper sleeper;
    private final ApiParticulierRateLimiter rateLimiter;
    private final String tokenKey;

    /**
     * With a rate limiter of this node only ({@link #DEFAULT_REQUESTS_PER_SECOND}).
     *
     * @param config the commune's token, recipient SIRET, habilitations and timeouts
     * @param http the HTTP client; it must not follow redirects (the token would follow them)
     * @param audit where every call is recorded, on the request's trail
     * @param clock the time of the audit entries and of the rate-limit windows
     * @param sleeper waits for back-off and rate-limit windows
     */
    public ApiParticulierClient(
            ApiParticulierConfig config, HttpClient http, AuditTrail audit, Clock clock, Sleeper sleeper) {
        this(config, http, audit, clock, sleeper, new InMemoryRateLimiter(clock, DEFAULT_REQUESTS_PER_SECOND));
    }

    /**
     * With a rate limiter shared by the nodes (e.g. {@code PostgresRateLimiter}).
     *
     * @param config the commune's token, recipient SIRET, habilitations and timeouts
     * @param http the HTTP client; it must not follow redirects (the token would follow them)
     * @param audit where every call is recorded, on the request's trail
     * @param clock the time of the audit entries and of the rate-limit windows
     * @param sleeper waits for back-off and rate-limit windows
     * @param rateLimiter the send slots of this token, shared by the nodes when it is PostgreSQL's
     */
    public ApiParticulierClient(
            ApiParticulierConfig config,
            HttpClient http,
            AuditTrail audit,
            Clock clock,
            Sleeper sleeper,
            ApiParticulierRateLimiter rateLimiter) {
        this.config = Objects.requireNonNull(config, "config");
        this.http = Objects.requireNonNull(http, "http");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.rateLimiter = Objects.requireNonNull(rateLimiter, "rateLimiter");
        this.tokenKey = tokenKey(config.token());
    }

    /**
     * With a new HTTP client (connect timeout = the configured timeout) and real sleeping.
     *
     * @param config the commune's token, recipient SIRET, habilitations and timeouts
     * @param audit where every call is recorded, on the request's trail
     * @param clock the time of the audit entries and of the rate-limit windows
     * @return a client limited to {@link #DEFAULT_REQUESTS_PER_SECOND} on this node only
     */
    public static ApiParticulierClient create(ApiParticulierConfig config, AuditTrail audit, Clock clock) {
        return create(config, audit, clock, new InMemoryRateLimiter(clock, DEFAULT_REQUESTS_PER_SECOND));
    }

    /**
     * As {@link #create(ApiParticulierConfig, AuditTrail, Clock)}, with a rate limiter shared by the nodes.
     *
     * @param config the commune's token, recipient SIRET, habilitations and timeouts
     * @param audit where every call is recorded, on the request's trail
     * @param clock the time of the audit entries and of the rate-limit windows
     * @param rateLimiter the send slots of this token, shared by the nodes
     * @return the client
     */
    public static ApiParticulierClient create(
            ApiParticulierConfig config, AuditTrail audit, Clock clock, ApiParticulierRateLimiter rateLimiter) {
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(config.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        return new ApiParticulierClient(config, http, audit, clock, Sleeper.threadSleep(), rateLimiter);
    }

    /** The token's key in a rate limiter: its SHA-256, so that a shared table never holds the secret. */
    private static String tokenKey(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /**
     * The configuration this client was built with (its {@code toString()} masks the token).
     *
     * @return the configuration
     */
    public ApiParticulierConfig config() {
        return config;
    }

    // ---- Typed calls -------------------------------------------------------------------------

    /**
     * Quotient familial CAF ou MSA, by civil status ({@code /v3/dss/quotient_familial/identite}).
     *
     * @param context who asks, for which démarche and request (habilitation check and audit)
     * @param person the allocataire's civil status
     * @param period the month asked, or {@code null} for the latest the CAF or MSA knows
     * @return the quotient familial, its allocataires and children
     * @throws ApiParticulierException of the kind that says why (see the class comment): {@link
     * ScopeNotAllowedException} before anything is sent, {@link PersonNotFoundException} when the CAF and
     * MSA do not know the person, {@link RateLimitedException}, {@link TransportException}...
     */
    public QuotientFamilial quotientFamilial(CallContext context, PersonIdentity person, @Nullable YearMonth period) {
        return call(
                context,
                ApiParticulierScope.QUOTIENT_FAMILIAL,
                "identite",
                "/v3/dss/quotient_familial/identite",
                () -> identity(person, Shape.DSS).period(period),
                Auth.TOKEN,
                null,
                ApiParticulierClient::quotientFamilial);
    }

    /**
     * Quotient familial with the person's FranceConnect access token (valid 60 s: call right after
     * the login) instead of the civil status.
     *
     * @param context who asks, for which démarche and request (habilitation check and audit)
     * @param franceConnectAccessToken the access token of the usager's FranceConnect sign-in, never logged
     * @param period the month asked, or {@code null} for the latest
     * @return the quotient familial, its allocataires and children
     * @throws ApiParticulierException of the kind that says why (see the class comment); {@link
     * InvalidTokenException} once the access token has expired
     */
    public QuotientFamilial quotientFamilialFranceConnect(
            CallContext context, String franceConnectAccessToken, @Nullable YearMonth period) {
        return call(
                context,
                ApiParticulierScope.QUOTIENT_FAMILIAL,
                "france_connect",
                "/v3/dss/quotient_familial/france_connect",
                () -> new Params().period(period),
                Auth.FRANCECONNECT,
                franceConnectAccessToken,
                ApiParticulierClient::quotientFamilial);
    }

    /**
     * Statut étudiant by civil status ({@code /v3/mesri/statut_etudiant/identite}; full birth date
     * required). The route takes one given name: only the first is sent.
     *
     * @param context who asks, for which démarche and request (habilitation check and audit)
     * @param person the student's civil status, birth date complete
     * @return the admissions found, possibly none
     * @throws ApiParticulierException of the kind that says why (see the class comment)
     */
    public StudentStatus studentStatus(CallContext context, PersonIdentity person) {
        return call(
                context,
                ApiParticulierScope.STATUT_ETUDIANT,
                "identite",
                "/v3/mesri/statut_etudiant/identite",
                () -> identity(person, Shape.MESRI),
                Auth.TOKEN,
                null,
                ApiParticulierClient::studentStatus);
    }

    /**
     * Statut étudiant by INE ({@code /v3/mesri/statut_etudiant/ine}).
     *
     * @param context who asks, for which démarche and request (habilitation check and audit)
     * @param ine the Identifiant national étudiant
     * @return the admissions found, possibly none
     * @throws ApiParticulierException of the kind that says why (see the class comment)
     */
    public StudentStatus studentStatusByIne(CallContext context, String ine) {
        return call(
                context,
                ApiParticulierScope.STATUT_ETUDIANT,
                "ine",
                "/v3/mesri/statut_etudiant/ine",
                () -> new Params().add("ine", ine(ine)),
                Auth.TOKEN,
                null,
                ApiParticulierClient::studentStatus);
    }

    /**
     * Statut étudiant boursier by civil status ({@code /v4/cnous/etudiant_boursier/identite}).
     *
     * @param context who asks, for which démarche and request (habilitation check and audit)
     * @param person the student's civil status
     * @return the scholarship status and echelon
     * @throws ApiParticulierException of the kind that says why (see the class comment)
     */
    public StudentScholarship studentScholarship(CallContext context, PersonIdentity person) {
        return call(
                context,
                ApiParticulierScope.STATUT_ETUDIANT_BOURSIER,
                "identite",
                "/v4/cnous/etudiant_boursier/identite",
                () -> identity(person, Shape.CNOUS),
                Auth.TOKEN,
                null,
                ApiParticulierClient::scholarship);
    }

    /**
     * Statut étudiant boursier by INE ({@code /v4/cnous/etudiant_boursier/ine}).
     *
     * @param context who asks, for which démarche and request (habilitation check and audit)
     * @param ine the Identifiant national étudiant
     * @return the scholarship status and echelon
     * @throws ApiParticulierException of the kind that says why (see the class comment)
     */
    public StudentScholarship studentScholarshipByIne(CallContext context, String ine) {
        return call(
                context,
                ApiParticulierScope.STATUT_ETUDIANT_BOURSIER,
                "ine",
                "/v4/cnous/etudiant_boursier/ine",
                () -> new Params().add("ine", ine(ine)),
                Auth.TOKEN,
                null,
                ApiParticulierClient::scholarship);
    }

    /**
     * Statut demandeur d'emploi by France Travail identifier ({@code /v3/france_travail/statut/identifiant}).
     *
     * @param context who asks, for which démarche and request (habilitation check and audit)
     * @param franceTravailIdentifier the identifier France Travail gave the jobseeker
     * @return the registration and its category
     * @throws ApiParticulierException of the kind that says why (see the class comment)
     */
    public JobseekerStatus jobseekerStatus(CallContext context, String franceTravailIdentifier) {
        return call(
                context,
                ApiParticulierScope.STATUT_DEMANDEUR_EMPLOI,
                "identifiant",
                "/v3/france_travail/statut/identifiant",
                () -> new Params().add("identifiant", franceTravailIdentifier(franceTravailIdentifier)),
                Auth.TOKEN,
                null,
                ApiParticulierClient::jobseeker);
    }

    /**
     * Indemnités France Travail: the payments made ({@code /v3/france_travail/indemnites/identifiant}).
     *
     * @param context who asks, for which démarche and request (habilitation check and audit)
     * @param franceTravailIdentifier the identifier France Travail gave the jobseeker
     * @return the payments France Travail lists
     * @throws ApiParticulierException of the kind that says why (see the class comment)
     */
    public JobseekerPayments jobseekerPayments(CallContext context, String franceTravailIdentifier) {
        return call(
                context,
                ApiParticulierScope.INDEMNITES_FRANCE_TRAVAIL,
                "identifiant",
                "/v3/france_travail/indemnites/identifiant",
                () -> new Params().add("identifiant", franceTravailIdentifier(franceTravailIdentifier)),
                Auth.TOKEN,
                null,
                ApiParticulierClient::payments);
    }

    /**
     * Revenu de solidarité active ({@code /v3/dss/revenu_solidarite_active/identite}).
     *
     * @param context who asks, for which démarche and request (habilitation check and audit)
     * @param person the person's civil status
     * @return whether the person receives the RSA, and since when
     * @throws ApiParticulierException of the kind that says why (see the class comment)
     */
    public BenefitStatus revenuSolidariteActive(CallContext context, PersonIdentity person) {
        return benefit(
                context,
                person,
                ApiParticulierScope.REVENU_SOLIDARITE_ACTIVE,
                "revenu_solidarite_active",
                "avec_majoration");
    }

    /**
     * Complémentaire santé solidaire ({@code /v3/dss/complementaire_sante_solidaire/identite}).
     *
     * @param context who asks, for which démarche and request (habilitation check and audit)
     * @param person the person's civil status
     * @return whether the person is covered by the C2S, and since when
     * @throws ApiParticulierException of the kind that says why (see the class comment)
     */
    public BenefitStatus complementaireSanteSolidaire(CallContext context, PersonIdentity person) {
        return benefit(
                context,
                person,
                ApiParticulierScope.COMPLEMENTAIRE_SANTE_SOLIDAIRE,
                "complementaire_sante_solidaire",
                "avec_participation");
    }

    /**
     * Prime d'activité ({@code /v3/dss/prime_activite/identite}); the supplement is {@code avec_majoration}.
     *
     * @param context who asks, for which démarche and request (habilitation check and audit)
     * @param person the person's civil status
     * @return whether the person receives the prime d'activité, and since when
     * @throws ApiParticulierException of the kind that says why (see the class comment)
     */
    public BenefitStatus primeActivite(CallContext context, PersonIdentity person) {
        return benefit(context, person, ApiParticulierScope.PRIME_ACTIVITE, "prime_activite", "avec_majoration");
    }

    /**
     * Allocation aux adultes handicapés ({@code /v3/dss/allocation_adulte_handicape/identite}).
     *
     * @param context who asks, for which démarche and request (habilitation check and audit)
     * @param person the person's civil status
     * @return whether the person receives the AAH, and since when
     * @throws ApiParticulierException of the kind that says why (see the class comment)
     */
    public BenefitStatus allocationAdulteHandicape(CallContext context, PersonIdentity person) {
        return benefit(
                context, person, ApiParticulierScope.ALLOCATION_ADULTE_HANDICAPE, "allocation_adulte_handicape", null);
    }

    /**
     * Allocation de soutien familial ({@code /v3/dss/allocation_soutien_familial/identite}).
     *
     * @param context who asks, for which démarche and request (habilitation check and audit)
     * @param person the person's civil status
     * @return whether the person receives the ASF, and since when
     * @throws ApiParticulierException of the kind that says why (see the class comment)
     */
    public BenefitStatus allocationSoutienFamilial(CallContext context, PersonIdentity person) {
        return benefit(
                context, person, ApiParticulierScope.ALLOCATION_SOUTIEN_FAMILIAL, "allocation_soutien_familial", null);
    }

    /**
     * Allocation d'éducation de l'enfant handicapé ({@code /v3/dss/allocation_enfant_handicape/identite}):
     * whether the person is the allocataire, the child giving the right, or neither.
     *
     * @param context who asks, for which démarche and request (habilitation check and audit)
     * @param person the person's civil status
     * @return the person's place in the AEEH right
     * @throws ApiParticulierException of the kind that says why (see the class comment)
     */
    public DisabledChildAllowance allocationEducationEnfantHandicape(CallContext context, PersonIdentity person) {
        return call(
                context,
                ApiParticulierScope.ALLOCATION_EDUCATION_ENFANT_HANDICAPE,
                "identite",
                "/v3/dss/allocation_enfant_handicape/identite",
                () -> identity(person, Shape.DSS),
                Auth.TOKEN,
                null,
                ApiParticulierClient::disabledChild);
    }

    /**
     * Scolarité d'un élève ({@code /v4/men/scolarites/identite}) for a school year ({@code 2025-2026} or
     * {@code 2025}), optionally in one establishment (code UAI).
     *
     * @param context who asks, for which démarche and request (habilitation check and audit)
     * @param pupil the pupil's civil status
     * @param schoolYear {@code 2025-2026} or {@code 2025}
     * @param establishmentUai the establishment's code UAI, or {@code null} for any
     * @return the pupil's schooling that year
     * @throws ApiParticulierException of the kind that says why (see the class comment)
     */
    public Schooling schooling(
            CallContext context, PersonIdentity pupil, String schoolYear, @Nullable String establishmentUai) {
        return call(
                context,
                ApiParticulierScope.SCOLARITE,
                "identite",
                "/v4/men/scolarites/identite",
                () -> identity(pupil, Shape.MEN)
                        .addIf("codeEtablissement", uai(establishmentUai))
                        .add("anneeScolaire", schoolYear(schoolYear)),
                Auth.TOKEN,
                null,
                ApiParticulierClient::schooling);
    }

    private BenefitStatus benefit(
            CallContext context,
            PersonIdentity person,
            ApiParticulierScope scope,
            String dataset,
            @Nullable String supplementField) {
        return call(
                context,
                scope,
                "identite",
                "/v3/dss/" + dataset + "/identite",
                () -> identity(person, Shape.DSS),
                Auth.TOKEN,
                null,
                data -> benefit(data, supplementField));
    }

    // ---- The call ----------------------------------------------------------------------------

    private enum Auth {
        TOKEN,
        FRANCECONNECT
    }

    private <T> T call(
            CallContext context,
            ApiParticulierScope scope,
            String route,
            String path,
            Supplier<Params> parameters,
            Auth auth,
            @Nullable String franceConnectToken,
            Function<JsonNode, T> parser) {
        String outcome = "error";
        int status = 0;
        try {
            // The habilitation first: a démarche outside it learns nothing, not even what is malformed.
            config.habilitations().check(context.demarche(), scope);
            Params params;
            HttpRequest request;
            try {
                params = parameters.get();
                params.add("recipient", config.recipient().toString());
                request = request(path, params, auth, franceConnectToken);
            } catch (InvalidParametersException e) {
                outcome = "refused:invalid-parameters";
                throw e;
            }
            for (int attempt = 1; ; attempt++) {
                awaitSlot();
                HttpResponse<String> response;
                try {
                    response = send(request);
                } catch (HttpTimeoutException e) {
                    outcome = "timeout";
                    throw new TransportException(path + " timed out after " + config.timeout(), 0, List.of(), e);
                } catch (ConnectException e) {
                    if (attempt < config.maxAttempts()) {
                        pause(backoff(attempt));
                        continue;
                    }
                    outcome = "unreachable";
                    throw new TransportException(path + " unreachable: " + e.getMessage(), 0, List.of(), e);
                } catch (IOException e) {
                    outcome = "transport";
                    throw new TransportException(path + " failed: " + e.getMessage(), 0, List.of(), e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    outcome = "interrupted";
                    throw new TransportException(path + " interrupted", 0, List.of(), e);
                }
                status = response.statusCode();
                noteRateLimitHeaders(response.headers());
                if (status >= 200 && status < 300) {
                    JsonNode body = parse(response, path);
                    T result = parser.apply(required(body, "data"));
                    outcome = "ok";
                    return result;
                }
                List<ApiError> errors = errors(response);
                String code = errors.isEmpty()
                        ? String.valueOf(status)
                        : errors.get(0).code();
                outcome = "error:" + code;
                Optional<Duration> retryIn = retryIn(errors);
                boolean transientFailure = (status == 503 || status == 504) && !NOT_RETRIED_5XX.contains(code);
                if (transientFailure && attempt < config.maxAttempts()) {
                    Duration wait = retryIn.orElse(backoff(attempt));
                    if (wait.compareTo(config.maxBackoff()) <= 0) {
                        pause(wait);
                        continue;
                    }
                }
                throw failure(path, status, errors, response.headers(), retryIn);
            }
        } catch (ScopeNotAllowedException e) {
            outcome = "refused:habilitation";
            throw e;
        } catch (RateLimitedException e) {
            if (e.status() == 0) {
                outcome = "refused:rate-limit";
            }
            throw e;
        } finally {
            record(context, scope, route, outcome, status);
        }
    }

    /**
     * Sends and reads the whole answer within the timeout: {@link HttpRequest#timeout} alone stops at
     * the headers, and a body that stalls after them would hold the caller indefinitely.
     */
    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        CompletableFuture<HttpResponse<String>> future =
                http.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        try {
            return future.get(config.timeout().toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new HttpTimeoutException("no complete answer within " + config.timeout());
        } catch (InterruptedException e) {
            future.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new IOException(cause);
        }
    }

    private HttpRequest request(String path, Params params, Auth auth, @Nullable String franceConnectToken) {
        URI uri = URI.create(config.baseUri().toString().replaceAll("/$", "") + path + "?" + params.encoded());
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(config.timeout())
                .header("Accept", "application/json")
                .GET();
        switch (auth) {
            case TOKEN -> builder.header("Authorization", "Bearer " + config.token());
            case FRANCECONNECT -> {
                if (franceConnectToken == null
                        || franceConnectToken.isBlank()
                        || franceConnectToken.chars().anyMatch(c -> c < 0x21 || c > 0x7E)) {
                    throw new InvalidParametersException(
                            "the FranceConnect access token is missing or malformed", 0, List.of(), null);
                }
                builder.header("Authorization", "Bearer " + franceConnectToken);
            }
        }
        return builder.build();
    }

    private void record(CallContext context, ApiParticulierScope scope, String route, String outcome, int status) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("demarche", context.demarche());
        details.put("scope", scope.code());
        details.put("route", route);
        details.put("outcome", outcome);
        details.put("status", String.valueOf(status));
        audit.append(new AuditRecord(
                config.tenant(),
                context.requestId(),
                context.actor(),
                "api-particulier:" + scope.code(),
                "SYSTEM",
                clock.instant(),
                details));
    }

    // ---- Rate limits and back-off ---------------------------------------------------------

    /** Waits for this call's slot under the per-token rate, or refuses locally when it is too far. */
    private void awaitSlot() {
        ApiParticulierRateLimiter.Reservation slot = rateLimiter.reserve(tokenKey, config.maxRateLimitWait());
        if (!slot.granted()) {
            Instant retryAt = clock.instant().plus(slot.delay());
            throw new RateLimitedException(
                    "API Particulier's rate for this token leaves no slot before " + retryAt + ": not calling",
                    0,
                    List.of(),
                    retryAt,
                    null);
        }
        if (!slot.delay().isZero()) {
            pause(slot.delay());
        }
    }

    private void block(Instant until) {
        Duration wait = Duration.between(clock.instant(), until);
        if (!wait.isNegative() && !wait.isZero()) {
            rateLimiter.holdFor(tokenKey, wait);
        }
    }

    private void noteRateLimitHeaders(HttpHeaders headers) {
        Optional<Long> remaining = headers.firstValue("RateLimit-Remaining").flatMap(ApiParticulierClient::parseLong);
        Optional<Long> reset = headers.firstValue("RateLimit-Reset").flatMap(ApiParticulierClient::parseLong);
        if (remaining.isPresent() && remaining.get() <= 0 && reset.isPresent()) {
            block(resetInstant(reset.get()));
        }
    }

    /** The documentation says a timestamp; small values are read as seconds from now. */
    private Instant resetInstant(long reset) {
        return reset > 1_000_000_000L
                ? Instant.ofEpochSecond(reset)
                : clock.instant().plusSeconds(reset);
    }

    private Duration backoff(int attempt) {
        long millis = config.initialBackoff().toMillis() << Math.min(attempt - 1, 10);
        return Duration.ofMillis(Math.min(millis, config.maxBackoff().toMillis()));
    }

    private void pause(Duration duration) {
        try {
            sleeper.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException("interrupted while waiting " + duration, 0, List.of(), e);
        }
    }

    private ApiParticulierException failure(
            String path, int status, List<ApiError> errors, HttpHeaders headers, Optional<Duration> retryIn) {
        String message = path + " answered HTTP " + status + " "
                + errors.stream().map(ApiError::code).toList();
        switch (status) {
            case 401:
                return new InvalidTokenException(message, status, errors, null);
            case 403:
                return new InsufficientPrivilegesException(message, status, errors, null);
            case 404:
                return new PersonNotFoundException(message, status, errors, null);
            case 400:
            case 422:
                return new InvalidParametersException(message, status, errors, null);
            case 409:
                return new ConflictException(message, status, errors, null);
            case 429: {
                Instant until = retryAfter(headers)
                        .or(() -> retryIn.map(d -> clock.instant().plus(d)))
                        .or(() -> headers.firstValue("RateLimit-Reset")
                                .flatMap(ApiParticulierClient::parseLong)
                                .map(this::resetInstant))
                        .orElse(clock.instant().plusSeconds(60));
                block(until);
                return new RateLimitedException(message + ", retry at " + until, status, errors, until, null);
            }
            default:
                if (status >= 500 && status < 600) {
                    return new ProviderUnavailableException(message, status, errors, null);
                }
                return new UnexpectedResponseException(message, status, errors, null);
        }
    }

    private Optional<Instant> retryAfter(HttpHeaders headers) {
        Optional<String> value = headers.firstValue("Retry-After").map(String::trim);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        Optional<Long> seconds = parseLong(value.get());
        if (seconds.isPresent()) {
            return Optional.of(clock.instant().plusSeconds(Math.max(0, seconds.get())));
        }
        try {
            return Optional.of(ZonedDateTime.parse(value.get(), DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<Duration> retryIn(List<ApiError> errors) {
        for (ApiError error : errors) {
            Optional<Long> seconds =
                    Optional.ofNullable(error.meta().get("retry_in")).flatMap(ApiParticulierClient::parseLong);
            if (seconds.isPresent()) {
                return Optional.of(Duration.ofSeconds(seconds.get()));
            }
        }
        return Optional.empty();
    }

    private static Optional<Long> parseLong(String s) {
        try {
            return Optional.of(Long.parseLong(s.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    // ---- Bodies --------------------------------------------------------------------------

    private static JsonNode parse(HttpResponse<String> response, String path) {
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (!type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            throw new UnexpectedResponseException(
                    path + " answered '" + type + "' instead of JSON", response.statusCode(), List.of(), null);
        }
        try {
            return JSON.readTree(response.body());
        } catch (JacksonException e) {
            throw new UnexpectedResponseException(
                    path + " answered malformed JSON", response.statusCode(), List.of(), e);
        }
    }

    private static List<ApiError> errors(HttpResponse<String> response) {
        JsonNode body;
        try {
            body = JSON.readTree(response.body());
        } catch (JacksonException e) {
            return List.of();
        }
        List<ApiError> errors = new ArrayList<>();
        for (JsonNode e : body.path("errors").values()) {
            Map<String, String> meta = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> m : e.path("meta").properties()) {
                meta.put(m.getKey(), m.getValue().asString(""));
            }
            JsonNode source = e.path("source").path("parameter");
            errors.add(new ApiError(
                    e.path("code").asString(""),
                    e.path("title").asString(""),
                    e.path("detail").asString(""),
                    source.isString() ? source.asString() : null,
                    meta));
        }
        if (errors.isEmpty() && body.path("error").isString()) {
            // v2 shape: {"error": "not_found", "reason": ..., "message": ...}
            errors.add(new ApiError(
                    body.path("error").asString(),
                    body.path("reason").asString(""),
                    body.path("message").asString(""),
                    null,
                    Map.of()));
        }
        return errors;
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || value.isMissingNode()) {
            throw new UnexpectedResponseException("answer lacks '" + field + "'", 200, List.of(), null);
        }
        return value;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = required(node, field);
        if (!value.isString()) {
            throw new UnexpectedResponseException("'" + field + "' is not a string", 200, List.of(), null);
        }
        return value.asString();
    }

    private static @Nullable String optionalText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    private static int integer(JsonNode node, String field) {
        JsonNode value = required(node, field);
        if (!value.isNumber() && !(value.isString() && value.asString().matches("-?\\d{1,9}"))) {
            throw new UnexpectedResponseException("'" + field + "' is not an integer", 200, List.of(), null);
        }
        return value.asInt();
    }

    private static boolean bool(JsonNode node, String field) {
        JsonNode value = required(node, field);
        if (!value.isBoolean()) {
            throw new UnexpectedResponseException("'" + field + "' is not a boolean", 200, List.of(), null);
        }
        return value.asBoolean();
    }

    private static LocalDate date(JsonNode node, String field) {
        try {
            return LocalDate.parse(text(node, field));
        } catch (DateTimeParseException e) {
            throw new UnexpectedResponseException("'" + field + "' is not a date", 200, List.of(), e);
        }
    }

    /** An out-of-range month is a body that does not follow the description, not a DateTimeException. */
    private static YearMonth yearMonth(JsonNode node, String yearField, String monthField) {
        try {
            return YearMonth.of(integer(node, yearField), integer(node, monthField));
        } catch (DateTimeException e) {
            throw new UnexpectedResponseException(
                    "'" + yearField + "'/'" + monthField + "' is not a month", 200, List.of(), e);
        }
    }

    private static @Nullable LocalDate optionalDate(JsonNode node, String field) {
        String value = optionalText(node, field);
        try {
            return value == null ? null : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new UnexpectedResponseException("'" + field + "' is not a date", 200, List.of(), e);
        }
    }

    private static QuotientFamilial quotientFamilial(JsonNode data) {
        JsonNode qf = required(data, "quotient_familial");
        List<String> address = new ArrayList<>();
        for (String f : List.of(
                "destinataire",
                "complement_information",
                "complement_information_geographique",
                "numero_libelle_voie",
                "lieu_dit",
                "code_postal_ville",
                "pays")) {
            String line = optionalText(required(data, "adresse"), f);
            if (line != null && !line.isBlank()) {
                address.add(line);
            }
        }
        return new QuotientFamilial(
                text(qf, "fournisseur"),
                integer(qf, "valeur"),
                yearMonth(qf, "annee", "mois"),
                yearMonth(qf, "annee_calcul", "mois_calcul"),
                members(
                        required(data, "allocataires"),
                        "nom_naissance",
                        "nom_usage",
                        "prenoms",
                        "sexe",
                        ApiParticulierClient::v3Date),
                members(
                        required(data, "enfants"),
                        "nom_naissance",
                        "nom_usage",
                        "prenoms",
                        "sexe",
                        ApiParticulierClient::v3Date),
                address);
    }

    private static @Nullable String v3Date(JsonNode member) {
        return optionalText(member, "date_naissance");
    }

    private static List<FamilyMember> members(
            JsonNode array,
            String birthName,
            String usageName,
            String givenNames,
            String sex,
            Function<JsonNode, @Nullable String> date) {
        List<FamilyMember> members = new ArrayList<>();
        for (JsonNode m : array.values()) {
            members.add(new FamilyMember(
                    text(m, birthName),
                    optionalText(m, usageName),
                    text(m, givenNames),
                    date.apply(m),
                    optionalText(m, sex)));
        }
        return members;
    }

    private static StudentStatus studentStatus(JsonNode data) {
        List<StudentStatus.Admission> admissions = new ArrayList<>();
        for (JsonNode a : required(data, "admissions").values()) {
            JsonNode regime = required(a, "regime_formation");
            JsonNode school = required(a, "etablissement_etudes");
            admissions.add(new StudentStatus.Admission(
                    date(a, "date_debut"),
                    date(a, "date_fin"),
                    bool(a, "est_inscrit"),
                    text(regime, "code"),
                    text(regime, "libelle"),
                    text(school, "uai"),
                    text(school, "nom")));
        }
        return new StudentStatus(admissions);
    }

    private static StudentScholarship scholarship(JsonNode data) {
        JsonNode status = required(data, "statut_boursier");
        JsonNode period = required(data, "periode_versement_bourse");
        JsonNode school = required(data, "etablissement_etudes");
        JsonNode echelon = required(data, "echelon_bourse");
        return new StudentScholarship(
                bool(status, "est_boursier"),
                bool(status, "est_radie"),
                optionalDate(status, "date_radiation"),
                text(echelon, "echelon"),
                bool(echelon, "echelon_bourse_regionale_provisoire"),
                date(period, "date_rentree"),
                integer(period, "duree"),
                text(school, "nom_etablissement"),
                text(school, "nom_commune"));
    }

    private static JobseekerPayments payments(JsonNode data) {
        List<JobseekerPayments.Payment> payments = new ArrayList<>();
        for (JsonNode p : required(data, "paiements").values()) {
            payments.add(new JobseekerPayments.Payment(
                    date(p, "date_versement"),
                    amount(p, "montant_total"),
                    amount(p, "montant_allocations"),
                    amount(p, "montant_aides"),
                    amount(p, "montant_autres")));
        }
        return new JobseekerPayments(text(data, "identifiant"), payments);
    }

    private static BigDecimal amount(JsonNode node, String field) {
        JsonNode value = required(node, field);
        if (!value.isNumber()) {
            throw new UnexpectedResponseException("'" + field + "' is not a number", 200, List.of(), null);
        }
        return value.decimalValue();
    }

    private static DisabledChildAllowance disabledChild(JsonNode data) {
        String status = text(data, "status");
        DisabledChildAllowance.Status s;
        switch (status) {
            case "allocataire" -> s = DisabledChildAllowance.Status.ALLOCATAIRE;
            case "ouvrant_droit" -> s = DisabledChildAllowance.Status.OUVRANT_DROIT;
            case "non_beneficiaire" -> s = DisabledChildAllowance.Status.NON_BENEFICIAIRE;
            default ->
                throw new UnexpectedResponseException(
                        "'status' '" + status + "' is not a documented value", 200, List.of(), null);
        }
        return new DisabledChildAllowance(s, optionalDate(data, "date_debut_droit"));
    }

    private static Schooling schooling(JsonNode data) {
        JsonNode school = required(data, "etablissement");
        JsonNode status = required(data, "statut_eleve");
        JsonNode mef = required(data, "module_elementaire_formation");
        JsonNode echelon = data.get("echelon_bourse");
        return new Schooling(
                bool(data, "est_scolarise"),
                text(data, "annee_scolaire"),
                text(school, "code_uai"),
                text(status, "code"),
                text(status, "libelle"),
                optionalText(mef, "libelle"),
                bool(data, "est_boursier"),
                echelon == null || echelon.isNull() ? null : integer(data, "echelon_bourse"));
    }

    private static JobseekerStatus jobseeker(JsonNode data) {
        JsonNode inscription = required(data, "inscription");
        JsonNode category = required(inscription, "categorie");
        return new JobseekerStatus(
                text(data, "identifiant"),
                date(inscription, "date_debut"),
                optionalDate(inscription, "date_fin"),
                integer(category, "code"),
                text(category, "libelle"));
    }

    private static BenefitStatus benefit(JsonNode data, @Nullable String supplementField) {
        JsonNode supplement = supplementField == null ? null : data.get(supplementField);
        return new BenefitStatus(
                bool(data, "est_beneficiaire"),
                supplement == null || supplement.isNull() ? null : supplement.asBoolean(),
                optionalDate(data, "date_debut_droit"));
    }

    // ---- Parameters --------------------------------------------------------------------------

    /** What each family of {@code /identite} routes declares (official descriptions, v3/v4). */
    private enum Shape {
        /** DSS (CNAF/MSA/CNAM): {@code nomUsage}, up to three given names, country, partial birth date. */
        DSS(true, 3, true, true, false),
        /** CNOUS v4: no {@code nomUsage}, no country, full birth date. */
        CNOUS(false, 3, false, true, true),
        /** MESRI: no {@code nomUsage}, one given name ({@code maxItems: 1}), full birth date. */
        MESRI(false, 1, false, true, true),
        /** MEN scolarités: no {@code nomUsage}, no place of birth, full birth date. */
        MEN(false, 3, false, false, true);

        final boolean usageName;
        final int maxGivenNames;
        final boolean country;
        final boolean commune;
        final boolean fullBirthDate;

        Shape(boolean usageName, int maxGivenNames, boolean country, boolean commune, boolean fullBirthDate) {
            this.usageName = usageName;
            this.maxGivenNames = maxGivenNames;
            this.country = country;
            this.commune = commune;
            this.fullBirthDate = fullBirthDate;
        }
    }

    private static Params identity(PersonIdentity person, Shape shape) {
        if (shape.fullBirthDate) {
            requireFullBirthDate(person);
        }
        Params p = new Params().add("nomNaissance", person.birthName());
        if (shape.usageName) {
            p.addIf("nomUsage", person.usageName());
        }
        // The first given names: MESRI matches on the first one only.
        person.givenNames().stream().limit(shape.maxGivenNames).forEach(n -> p.add("prenoms[]", n));
        p.add("anneeDateNaissance", String.valueOf(person.birthYear()));
        if (person.birthMonth() != 0) {
            p.add("moisDateNaissance", String.valueOf(person.birthMonth()));
            if (person.birthDay() != 0) {
                p.add("jourDateNaissance", String.valueOf(person.birthDay()));
            }
        }
        p.add("sexeEtatCivil", person.sex());
        if (shape.country) {
            p.add("codeCogInseePaysNaissance", person.birthCountry());
        }
        if (shape.commune) {
            p.addIf("codeCogInseeCommuneNaissance", person.birthCommune());
        }
        return p;
    }

    private static void requireFullBirthDate(PersonIdentity person) {
        if (!person.fullBirthDate()) {
            throw new InvalidParametersException(
                    "this route needs the full birth date; the person's is presumed (" + person.birthYear() + ")",
                    0,
                    List.of(),
                    null);
        }
    }

    private static String franceTravailIdentifier(String identifier) {
        if (identifier == null || !identifier.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new InvalidParametersException(
                    "identifiant '" + identifier + "' must be 1-64 letters, digits, dots, dashes or underscores",
                    0,
                    List.of(),
                    null);
        }
        return identifier;
    }

    private static @Nullable String uai(@Nullable String uai) {
        if (uai != null && !uai.matches("\\d{7}[A-Za-z]")) {
            throw new InvalidParametersException(
                    "codeEtablissement '" + uai + "' must be a code UAI (7 digits and a letter)", 0, List.of(), null);
        }
        return uai;
    }

    private static String schoolYear(String year) {
        if (year == null || !year.matches("\\d{4}(-\\d{4})?")) {
            throw new InvalidParametersException(
                    "anneeScolaire '" + year + "' must be YYYY or YYYY-YYYY", 0, List.of(), null);
        }
        if (year.length() == 9 && Integer.parseInt(year.substring(5)) != Integer.parseInt(year.substring(0, 4)) + 1) {
            throw new InvalidParametersException(
                    "anneeScolaire '" + year + "' must span two consecutive years", 0, List.of(), null);
        }
        return year;
    }

    private static String ine(String ine) {
        if (ine == null || !ine.matches("[0-9A-Za-z]{11}")) {
            throw new InvalidParametersException("ine '" + ine + "' must be 11 letters or digits", 0, List.of(), null);
        }
        return ine;
    }

    /** Ordered query parameters (repeated names allowed, as {@code prenoms[]}). */
    private static final class Params {
        private final List<Map.Entry<String, String>> entries = new ArrayList<>();

        Params add(String name, String value) {
            entries.add(Map.entry(name, value));
            return this;
        }

        Params addIf(String name, @Nullable String value) {
            if (value != null && !value.isBlank()) {
                add(name, value);
            }
            return this;
        }

        Params period(@Nullable YearMonth period) {
            if (period != null) {
                add("annee", String.valueOf(period.getYear()));
                add("mois", String.valueOf(period.getMonthValue()));
            }
            return this;
        }

        String encoded() {
            StringBuilder sb = new StringBuilder();
            for (Map.Entry<String, String> e : entries) {
                if (sb.length() > 0) {
                    sb.append('&');
                }
                sb.append(HttpCalls.encode(e.getKey())).append('=').append(HttpCalls.encode(e.getValue()));
            }
            return sb.toString();
        }
    }
}
