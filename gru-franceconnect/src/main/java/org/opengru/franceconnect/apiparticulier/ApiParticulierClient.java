package org.opengru.franceconnect.apiparticulier;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.opengru.core.audit.AuditRecord;
import org.opengru.core.audit.AuditTrail;
import org.opengru.franceconnect.internal.HttpCalls;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * API Particulier client for one commune, following the official OpenAPI descriptions (v3 routes,
 * and v2 for the composition familiale).
 *
 * <ul>
 *   <li>Every call checks the démarche's habilitation first: outside it, no request leaves.
 *   <li>{@code Authorization: Bearer <token>} (or the FranceConnect access token on the {@code
 *       /france_connect} routes; {@code X-Api-Key} on v2), {@code recipient} always sent.
 *   <li>Timeout per attempt (5 s by default). Retries with exponential back-off only where repeating
 *       is safe and useful: the connection could not be made (nothing reached the server), or the
 *       answer says the provider is temporarily unavailable (503/504 except {@code 37008}). Never on
 *       4xx, never on a read timeout (the request may still be processed: API Particulier answers
 *       {@code 409} to duplicates).
 *   <li>Rate limits: a {@code 429} (its {@code Retry-After} or {@code meta.retry_in}), or {@code
 *       RateLimit-Remaining: 0} until {@code RateLimit-Reset}, closes the gate; later calls wait up to
 *       {@code maxRateLimitWait}, otherwise fail locally with {@link RateLimitedException} without
 *       sending anything.
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

    private final ApiParticulierConfig config;
    private final HttpClient http;
    private final AuditTrail audit;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Object gate = new Object();
    private Instant blockedUntil = Instant.MIN;

    public ApiParticulierClient(
            ApiParticulierConfig config, HttpClient http, AuditTrail audit, Clock clock, Sleeper sleeper) {
        this.config = Objects.requireNonNull(config, "config");
        this.http = Objects.requireNonNull(http, "http");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    /** With a new HTTP client (connect timeout = the configured timeout) and real sleeping. */
    public static ApiParticulierClient create(ApiParticulierConfig config, AuditTrail audit, Clock clock) {
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(config.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        return new ApiParticulierClient(config, http, audit, clock, Sleeper.threadSleep());
    }

    public ApiParticulierConfig config() {
        return config;
    }

    // ---- Typed calls -------------------------------------------------------------------------

    /** Quotient familial CAF ou MSA, by civil status ({@code /v3/dss/quotient_familial/identite}). */
    public QuotientFamilial quotientFamilial(CallContext context, PersonIdentity person, @Nullable YearMonth period) {
        Params p = identity(person, true).period(period);
        return call(
                context,
                ApiParticulierScope.QUOTIENT_FAMILIAL,
                "identite",
                "/v3/dss/quotient_familial/identite",
                p,
                Auth.TOKEN,
                null,
                data -> quotientFamilial(data));
    }

    /**
     * Quotient familial with the person's FranceConnect access token (valid 60 s: call right after
     * the login) instead of the civil status.
     */
    public QuotientFamilial quotientFamilialFranceConnect(
            CallContext context, String franceConnectAccessToken, @Nullable YearMonth period) {
        Params p = new Params().period(period);
        return call(
                context,
                ApiParticulierScope.QUOTIENT_FAMILIAL,
                "france_connect",
                "/v3/dss/quotient_familial/france_connect",
                p,
                Auth.FRANCECONNECT,
                franceConnectAccessToken,
                data -> quotientFamilial(data));
    }

    /** Composition familiale CAF (v2 {@code /api/v2/composition-familiale-v2}, {@code X-Api-Key}). */
    public CompositionFamiliale compositionFamiliale(
            CallContext context, PersonIdentity person, @Nullable YearMonth period) {
        Params p = new Params().add("nomNaissance", person.birthName()).addIf("nomUsage", person.usageName());
        person.givenNames().forEach(n -> p.add("prenoms[]", n));
        p.add("anneeDateDeNaissance", String.valueOf(person.birthYear()));
        if (person.birthMonth() != 0) {
            p.add("moisDateDeNaissance", String.format("%02d", person.birthMonth()));
        }
        if (person.birthDay() != 0) {
            p.add("jourDateDeNaissance", String.format("%02d", person.birthDay()));
        }
        p.add("sexe", person.sex())
                .add("codePaysLieuDeNaissance", person.birthCountry())
                .addIf("codeInseeLieuDeNaissance", person.birthCommune());
        if (period != null) {
            p.add("annee", String.valueOf(period.getYear())).add("mois", String.valueOf(period.getMonthValue()));
        }
        return call(
                context,
                ApiParticulierScope.COMPOSITION_FAMILIALE,
                "identite",
                "/api/v2/composition-familiale-v2",
                p,
                Auth.V2_API_KEY,
                null,
                body -> compositionFamiliale(body));
    }

    /** Statut étudiant by civil status ({@code /v3/mesri/statut_etudiant/identite}; full birth date required). */
    public StudentStatus studentStatus(CallContext context, PersonIdentity person) {
        requireFullBirthDate(person);
        return call(
                context,
                ApiParticulierScope.STATUT_ETUDIANT,
                "identite",
                "/v3/mesri/statut_etudiant/identite",
                identity(person, false),
                Auth.TOKEN,
                null,
                ApiParticulierClient::studentStatus);
    }

    /** Statut étudiant by INE ({@code /v3/mesri/statut_etudiant/ine}). */
    public StudentStatus studentStatusByIne(CallContext context, String ine) {
        return call(
                context,
                ApiParticulierScope.STATUT_ETUDIANT,
                "ine",
                "/v3/mesri/statut_etudiant/ine",
                new Params().add("ine", ine(ine)),
                Auth.TOKEN,
                null,
                ApiParticulierClient::studentStatus);
    }

    /** Statut étudiant boursier by civil status ({@code /v3/cnous/etudiant_boursier/identite}). */
    public StudentScholarship studentScholarship(CallContext context, PersonIdentity person) {
        requireFullBirthDate(person);
        return call(
                context,
                ApiParticulierScope.STATUT_ETUDIANT_BOURSIER,
                "identite",
                "/v3/cnous/etudiant_boursier/identite",
                identity(person, false),
                Auth.TOKEN,
                null,
                ApiParticulierClient::scholarship);
    }

    /** Statut étudiant boursier by INE ({@code /v3/cnous/etudiant_boursier/ine}). */
    public StudentScholarship studentScholarshipByIne(CallContext context, String ine) {
        return call(
                context,
                ApiParticulierScope.STATUT_ETUDIANT_BOURSIER,
                "ine",
                "/v3/cnous/etudiant_boursier/ine",
                new Params().add("ine", ine(ine)),
                Auth.TOKEN,
                null,
                ApiParticulierClient::scholarship);
    }

    /** Statut demandeur d'emploi by France Travail identifier ({@code /v3/france_travail/statut/identifiant}). */
    public JobseekerStatus jobseekerStatus(CallContext context, String franceTravailIdentifier) {
        if (franceTravailIdentifier == null || !franceTravailIdentifier.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new InvalidParametersException(
                    "identifiant '" + franceTravailIdentifier
                            + "' must be 1-64 letters, digits, dots, dashes or underscores",
                    0,
                    List.of(),
                    null);
        }
        return call(
                context,
                ApiParticulierScope.STATUT_DEMANDEUR_EMPLOI,
                "identifiant",
                "/v3/france_travail/statut/identifiant",
                new Params().add("identifiant", franceTravailIdentifier),
                Auth.TOKEN,
                null,
                ApiParticulierClient::jobseeker);
    }

    /** Revenu de solidarité active ({@code /v3/dss/revenu_solidarite_active/identite}). */
    public BenefitStatus revenuSolidariteActive(CallContext context, PersonIdentity person) {
        return call(
                context,
                ApiParticulierScope.REVENU_SOLIDARITE_ACTIVE,
                "identite",
                "/v3/dss/revenu_solidarite_active/identite",
                identity(person, true),
                Auth.TOKEN,
                null,
                data -> benefit(data, "avec_majoration"));
    }

    /** Complémentaire santé solidaire ({@code /v3/dss/complementaire_sante_solidaire/identite}). */
    public BenefitStatus complementaireSanteSolidaire(CallContext context, PersonIdentity person) {
        return call(
                context,
                ApiParticulierScope.COMPLEMENTAIRE_SANTE_SOLIDAIRE,
                "identite",
                "/v3/dss/complementaire_sante_solidaire/identite",
                identity(person, true),
                Auth.TOKEN,
                null,
                data -> benefit(data, "avec_participation"));
    }

    // ---- The call ----------------------------------------------------------------------------

    private enum Auth {
        TOKEN,
        FRANCECONNECT,
        V2_API_KEY
    }

    private <T> T call(
            CallContext context,
            ApiParticulierScope scope,
            String route,
            String path,
            Params params,
            Auth auth,
            @Nullable String franceConnectToken,
            Function<JsonNode, T> parser) {
        String outcome = "error";
        int status = 0;
        try {
            config.habilitations().check(context.demarche(), scope);
            awaitGate();
            params.add("recipient", config.recipient().toString());
            HttpRequest request = request(path, params, auth, franceConnectToken);
            for (int attempt = 1; ; attempt++) {
                HttpResponse<String> response;
                try {
                    response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
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
                    T result = parser.apply(auth == Auth.V2_API_KEY ? body : required(body, "data"));
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

    private HttpRequest request(String path, Params params, Auth auth, @Nullable String franceConnectToken) {
        URI uri = URI.create(config.baseUri().toString().replaceAll("/$", "") + path + "?" + params.encoded());
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(config.timeout())
                .header("Accept", "application/json")
                .GET();
        switch (auth) {
            case TOKEN -> builder.header("Authorization", "Bearer " + config.token());
            case V2_API_KEY -> builder.header("X-Api-Key", config.token());
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

    private void awaitGate() {
        Instant until;
        synchronized (gate) {
            until = blockedUntil;
        }
        Instant now = clock.instant();
        if (!now.isBefore(until)) {
            return;
        }
        Duration wait = Duration.between(now, until);
        if (wait.compareTo(config.maxRateLimitWait()) > 0) {
            throw new RateLimitedException(
                    "API Particulier asked us to wait until " + until + ": not calling", 0, List.of(), until, null);
        }
        pause(wait);
    }

    private void block(Instant until) {
        synchronized (gate) {
            if (until.isAfter(blockedUntil)) {
                blockedUntil = until;
            }
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
                YearMonth.of(integer(qf, "annee"), integer(qf, "mois")),
                YearMonth.of(integer(qf, "annee_calcul"), integer(qf, "mois_calcul")),
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

    private static @Nullable String v2Date(JsonNode member) {
        String y = optionalText(member, "anneeDateDeNaissance");
        if (y == null) {
            return null;
        }
        String m = optionalText(member, "moisDateDeNaissance");
        String d = optionalText(member, "jourDateDeNaissance");
        return y + "-" + (m == null ? "00" : m) + "-" + (d == null ? "00" : d);
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

    private static CompositionFamiliale compositionFamiliale(JsonNode body) {
        List<String> address = new ArrayList<>();
        JsonNode a = required(body, "adresse");
        for (String f : List.of(
                "identite",
                "complementInformation",
                "complementInformationGeographique",
                "numeroLibelleVoie",
                "lieuDit",
                "codePostalVille",
                "pays")) {
            String line = optionalText(a, f);
            if (line != null && !line.isBlank()) {
                address.add(line);
            }
        }
        return new CompositionFamiliale(
                integer(body, "quotientFamilial"),
                YearMonth.of(integer(body, "annee"), integer(body, "mois")),
                members(
                        required(body, "allocataires"),
                        "nomNaissance",
                        "nomUsuel",
                        "prenoms",
                        "sexe",
                        ApiParticulierClient::v2Date),
                members(
                        required(body, "enfants"),
                        "nomNaissance",
                        "nomUsuel",
                        "prenoms",
                        "sexe",
                        ApiParticulierClient::v2Date),
                address);
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
        JsonNode period = required(data, "periode_versement_bourse");
        JsonNode school = required(data, "etablissement_etudes");
        JsonNode echelon = required(data, "echelon_bourse");
        return new StudentScholarship(
                bool(data, "est_boursier"),
                text(echelon, "echelon"),
                bool(echelon, "echelon_bourse_regionale_provisoire"),
                date(period, "date_rentree"),
                integer(period, "duree"),
                text(school, "nom_etablissement"),
                text(school, "nom_commune"));
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

    private static BenefitStatus benefit(JsonNode data, String supplementField) {
        JsonNode supplement = data.get(supplementField);
        return new BenefitStatus(
                bool(data, "est_beneficiaire"),
                supplement == null || supplement.isNull() ? null : supplement.asBoolean(),
                optionalDate(data, "date_debut_droit"));
    }

    // ---- Parameters --------------------------------------------------------------------------

    private static Params identity(PersonIdentity person, boolean withCountry) {
        Params p = new Params().add("nomNaissance", person.birthName()).addIf("nomUsage", person.usageName());
        person.givenNames().forEach(n -> p.add("prenoms[]", n));
        p.add("anneeDateNaissance", String.valueOf(person.birthYear()));
        if (person.birthMonth() != 0) {
            p.add("moisDateNaissance", String.valueOf(person.birthMonth()));
            if (person.birthDay() != 0) {
                p.add("jourDateNaissance", String.valueOf(person.birthDay()));
            }
        }
        p.add("sexeEtatCivil", person.sex());
        if (withCountry) {
            p.add("codeCogInseePaysNaissance", person.birthCountry());
        }
        p.addIf("codeCogInseeCommuneNaissance", person.birthCommune());
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
