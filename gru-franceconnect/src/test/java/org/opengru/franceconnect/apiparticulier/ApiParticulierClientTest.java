package org.opengru.franceconnect.apiparticulier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opengru.core.audit.AuditEntry;
import org.opengru.core.audit.AuditTrail;
import org.opengru.core.id.RequestId;
import org.opengru.core.principal.ActorRef;
import org.opengru.core.tenancy.TenantId;
import org.opengru.core.value.Siret;
import org.opengru.test.MutableClock;
import tools.jackson.databind.JsonNode;

/** Each typed call against a loopback server answering from the official OpenAPI descriptions. */
class ApiParticulierClientTest {
    static final TenantId TENANT = TenantId.of("commune-69123");
    static final String TOKEN = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJjb21tdW5lIn0.c2lnbmF0dXJl";
    static final RequestId REQUEST = RequestId.of(UUID.fromString("01890a5d-ac96-774b-bcce-b302099a8057"));
    static final CallContext CANTINE = new CallContext(ActorRef.parse("agent:jdupont"), "inscription-cantine", REQUEST);
    static final CallContext BOURSE = new CallContext(ActorRef.parse("agent:jdupont"), "bourse-etudiant", REQUEST);
    static final CallContext EMPLOI =
            new CallContext(ActorRef.parse("agent:jdupont"), "aide-demandeur-emploi", REQUEST);
    static final PersonIdentity PERSON =
            new PersonIdentity("DUPONT", null, List.of("JEAN", "PIERRE"), 1990, 1, 31, "M", "99100", "75107");

    private final OpenApiServer server = new OpenApiServer();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:00Z"));
    private final List<Duration> sleeps = new ArrayList<>();
    private final AuditTrail audit = AuditTrail.inMemory();
    private final Habilitations habilitations = Habilitations.builder()
            .allow(
                    "inscription-cantine",
                    ApiParticulierScope.QUOTIENT_FAMILIAL,
                    ApiParticulierScope.REVENU_SOLIDARITE_ACTIVE,
                    ApiParticulierScope.COMPLEMENTAIRE_SANTE_SOLIDAIRE,
                    ApiParticulierScope.PRIME_ACTIVITE,
                    ApiParticulierScope.ALLOCATION_ADULTE_HANDICAPE,
                    ApiParticulierScope.ALLOCATION_SOUTIEN_FAMILIAL,
                    ApiParticulierScope.ALLOCATION_EDUCATION_ENFANT_HANDICAPE,
                    ApiParticulierScope.SCOLARITE)
            .allow("bourse-etudiant", ApiParticulierScope.STATUT_ETUDIANT, ApiParticulierScope.STATUT_ETUDIANT_BOURSIER)
            .allow(
                    "aide-demandeur-emploi",
                    ApiParticulierScope.STATUT_DEMANDEUR_EMPLOI,
                    ApiParticulierScope.INDEMNITES_FRANCE_TRAVAIL)
            .build();
    private ApiParticulierClient client = client(server.baseUri(), Duration.ofSeconds(5));

    private ApiParticulierClient client(URI base, Duration timeout) {
        ApiParticulierConfig config = ApiParticulierConfig.builder(TENANT)
                .baseUri(base)
                .token(TOKEN)
                .recipient(Siret.parse("13002526500013"))
                .habilitations(habilitations)
                .timeout(timeout)
                .build();
        return new ApiParticulierClient(config, HttpClient.newHttpClient(), audit, clock, d -> {
            sleeps.add(d);
            clock.advance(d);
        });
    }

    @AfterEach
    void stop() {
        server.close();
        assertThat(server.violations)
                .as("requests conform to the declared parameters")
                .isEmpty();
    }

    private OpenApiServer.Received last() {
        return server.received.stream().reduce((a, b) -> b).orElseThrow();
    }

    private List<AuditEntry> auditEntries() {
        return audit.entries(TENANT, REQUEST);
    }

    @Test
    void quotient_familial_by_civil_status() {
        QuotientFamilial qf = client.quotientFamilial(CANTINE, PERSON, YearMonth.of(2023, 6));
        assertThat(qf.provider()).isEqualTo("MSA");
        assertThat(qf.value()).isEqualTo(1045);
        assertThat(qf.period()).isEqualTo(YearMonth.of(2023, 6));
        assertThat(qf.computedIn()).isEqualTo(YearMonth.of(2023, 9));
        assertThat(qf.allocataires()).extracting(FamilyMember::birthName).containsExactly("JACQUES");
        assertThat(qf.children()).extracting(FamilyMember::usageName).containsExactly((String) null);
        assertThat(qf.addressLines()).containsExactly("Monsieur JEAN JACQUES", "1 RUE DE LA GARE", "75002", "FRANCE");

        OpenApiServer.Received r = last();
        assertThat(r.headers().get("Authorization")).containsExactly("Bearer " + TOKEN);
        assertThat(r.query()).containsEntry("recipient", List.of("13002526500013"));
        assertThat(r.query()).containsEntry("prenoms[]", List.of("JEAN", "PIERRE"));
        assertThat(r.query()).containsEntry("codeCogInseeCommuneNaissance", List.of("75107"));
    }

    @Test
    void quotient_familial_with_the_franceconnect_access_token() {
        QuotientFamilial qf = client.quotientFamilialFranceConnect(CANTINE, "fc-access-token-123", null);
        assertThat(qf.value()).isEqualTo(1045);
        assertThat(last().headers().get("Authorization")).containsExactly("Bearer fc-access-token-123");
        assertThat(last().path()).isEqualTo("/v3/dss/quotient_familial/france_connect");
    }

    @Test
    void student_status_by_civil_status_and_by_ine() {
        StudentStatus status = client.studentStatus(BOURSE, PERSON);
        assertThat(status.admissions()).singleElement().satisfies(a -> {
            assertThat(a.regimeCode()).isEqualTo("RF1");
            assertThat(a.uai()).isEqualTo("0011402U");
        });
        assertThat(status.enrolledOn(LocalDate.of(2023, 1, 15))).isTrue();
        assertThat(status.enrolledOn(LocalDate.of(2023, 9, 15))).isFalse();
        assertThat(client.studentStatusByIne(BOURSE, "1234567890A").admissions())
                .hasSize(1);
        assertThat(last().query()).containsEntry("ine", List.of("1234567890A"));
    }

    @Test
    void student_scholarship_status() {
        StudentScholarship s = client.studentScholarship(BOURSE, PERSON);
        assertThat(last().path()).isEqualTo("/v4/cnous/etudiant_boursier/identite");
        assertThat(s.scholar()).isTrue();
        assertThat(s.struckOff()).isFalse();
        assertThat(s.struckOffOn()).isNull();
        assertThat(s.provisionalRegional()).isTrue();
        assertThat(s.establishmentCommune()).isEqualTo("Brest");
        assertThat(s.echelon()).isEqualTo("6");
        assertThat(s.academicYearStart()).isEqualTo(LocalDate.of(2019, 9, 1));
        assertThat(s.durationMonths()).isEqualTo(12);
        assertThat(client.studentScholarshipByIne(BOURSE, "1234567890A").establishment())
                .isEqualTo("Carnot");
    }

    @Test
    void jobseeker_status() {
        JobseekerStatus s = client.jobseekerStatus(EMPLOI, "martin.jacques");
        assertThat(s.identifier()).isEqualTo("martin.jacques");
        assertThat(s.registeredSince()).isEqualTo(LocalDate.of(2021, 1, 7));
        assertThat(s.categoryCode()).isEqualTo(1);
        assertThat(s.registeredOn(LocalDate.of(2022, 6, 1))).isTrue();
    }

    @Test
    void rsa_and_complementaire_sante_solidaire() {
        BenefitStatus rsa = client.revenuSolidariteActive(CANTINE, PERSON);
        assertThat(rsa.beneficiary()).isTrue();
        assertThat(rsa.supplement()).isFalse();
        BenefitStatus css = client.complementaireSanteSolidaire(CANTINE, PERSON);
        assertThat(css.beneficiary()).isTrue();
        assertThat(css.rightsStart()).isEqualTo(LocalDate.of(1992, 11, 29));
    }

    // tag::habilitation[]
    @Test
    void a_demarche_without_habilitation_is_refused_before_any_request() {
        assertThatThrownBy(() -> client.studentStatus(CANTINE, PERSON))
                .isInstanceOfSatisfying(ScopeNotAllowedException.class, e -> {
                    assertThat(e.demarche()).isEqualTo("inscription-cantine");
                    assertThat(e.scope()).isEqualTo(ApiParticulierScope.STATUT_ETUDIANT);
                });
        assertThatThrownBy(() -> client.quotientFamilial(BOURSE, PERSON, null))
                .isInstanceOf(ScopeNotAllowedException.class);
        assertThat(server.requestCount()).isZero();
        // The refusals are audited too.
        assertThat(auditEntries())
                .extracting(e -> e.record().details().get("outcome"))
                .containsExactly("refused:habilitation", "refused:habilitation");
        // Control: the same call with the habilitation does reach the server, so a zero count means something.
        client.studentStatus(BOURSE, PERSON);
        assertThat(server.requestCount()).isEqualTo(1);
    }
    // end::habilitation[]

    @Test
    void every_call_is_audited_without_response_data() {
        Instant firstCall = clock.instant();
        client.quotientFamilial(CANTINE, PERSON, null);
        server.script(
                "/v3/mesri/statut_etudiant/identite",
                404,
                "{\"errors\":[{\"code\":\"25003\",\"title\":\"t\",\"detail\":\"d\"}]}",
                Map.of());
        assertThatThrownBy(() -> client.studentStatus(BOURSE, PERSON)).isInstanceOf(PersonNotFoundException.class);

        List<AuditEntry> entries = auditEntries();
        assertThat(entries).hasSize(2);
        var first = entries.get(0).record();
        assertThat(first.actor()).hasToString("agent:jdupont");
        assertThat(first.action()).isEqualTo("api-particulier:quotient_familial");
        assertThat(first.occurredAt()).isEqualTo(firstCall);
        assertThat(first.details())
                .containsEntry("demarche", "inscription-cantine")
                .containsEntry("scope", "quotient_familial")
                .containsEntry("outcome", "ok")
                .containsEntry("status", "200");
        assertThat(entries.get(1).record().details()).containsEntry("outcome", "error:25003");
        assertThat(entries.toString()).doesNotContain("1045", "JACQUES", "DUPONT");
        assertThat(AuditTrail.verify(REQUEST, entries).valid()).isTrue();
    }

    /** Which typed exception each documented status must produce. */
    private static Class<? extends ApiParticulierException> expectedType(int status) {
        return switch (status) {
            case 400, 422 -> InvalidParametersException.class;
            case 401 -> InvalidTokenException.class;
            case 403 -> InsufficientPrivilegesException.class;
            case 404 -> PersonNotFoundException.class;
            case 409 -> ConflictException.class;
            case 429 -> RateLimitedException.class;
            default -> ProviderUnavailableException.class;
        };
    }

    private Consumer<ApiParticulierClient> callOf(String path) {
        return switch (path) {
            case "/v3/dss/quotient_familial/identite" -> c -> c.quotientFamilial(CANTINE, PERSON, null);
            case "/v3/dss/quotient_familial/france_connect" ->
                c -> c.quotientFamilialFranceConnect(CANTINE, "fc-token", null);
            case "/v3/mesri/statut_etudiant/identite" -> c -> c.studentStatus(BOURSE, PERSON);
            case "/v3/mesri/statut_etudiant/ine" -> c -> c.studentStatusByIne(BOURSE, "1234567890A");
            case "/v4/cnous/etudiant_boursier/identite" -> c -> c.studentScholarship(BOURSE, PERSON);
            case "/v4/cnous/etudiant_boursier/ine" -> c -> c.studentScholarshipByIne(BOURSE, "1234567890A");
            case "/v3/france_travail/indemnites/identifiant" -> c -> c.jobseekerPayments(EMPLOI, "martin.jacques");
            case "/v3/dss/prime_activite/identite" -> c -> c.primeActivite(CANTINE, PERSON);
            case "/v3/dss/allocation_adulte_handicape/identite" -> c -> c.allocationAdulteHandicape(CANTINE, PERSON);
            case "/v3/dss/allocation_soutien_familial/identite" -> c -> c.allocationSoutienFamilial(CANTINE, PERSON);
            case "/v3/dss/allocation_enfant_handicape/identite" ->
                c -> c.allocationEducationEnfantHandicape(CANTINE, PERSON);
            case "/v4/men/scolarites/identite" -> c -> c.schooling(CANTINE, PERSON, "2022-2023", null);
            case "/v3/france_travail/statut/identifiant" -> c -> c.jobseekerStatus(EMPLOI, "martin.jacques");
            case "/v3/dss/revenu_solidarite_active/identite" -> c -> c.revenuSolidariteActive(CANTINE, PERSON);
            case "/v3/dss/complementaire_sante_solidaire/identite" ->
                c -> c.complementaireSanteSolidaire(CANTINE, PERSON);
            default -> null; // a route the client does not call
        };
    }

    @Test
    void every_documented_error_of_every_route_becomes_its_typed_exception_with_its_code() {
        int checked = 0;
        for (String path : server.paths()) {
            if (callOf(path) == null) {
                continue;
            }
            for (Map.Entry<Integer, JsonNode> documented : server.documentedErrors(path)) {
                int status = documented.getKey();
                JsonNode body = documented.getValue();
                // A fresh client each time: a 429 closes the gate of the one that received it.
                ApiParticulierClient fresh = client(server.baseUri(), Duration.ofSeconds(5));
                for (int i = 0; i < 5; i++) { // enough for the retries of transient 5xx
                    server.script(path, status, body.toString(), Map.of());
                }
                String expectedCode = body.path("errors").isArray()
                        ? body.path("errors").get(0).path("code").asString()
                        : body.path("error").asString();
                assertThatThrownBy(() -> callOf(path).accept(fresh))
                        .as(path + " " + status + " " + expectedCode)
                        .isInstanceOfSatisfying(expectedType(status), e -> {
                            assertThat(e.status()).isEqualTo(status);
                            assertThat(e.code()).isEqualTo(expectedCode);
                            JsonNode provider =
                                    body.path("errors").path(0).path("meta").path("provider");
                            assertThat(e.provider()).isEqualTo(provider.isString() ? provider.asString() : null);
                            if (e instanceof InvalidTokenException t) {
                                assertThat(t.expired()).isEqualTo(expectedCode.equals("00103"));
                                assertThat(t.blacklisted()).isEqualTo(expectedCode.equals("00105"));
                            }
                        });
                server.received.clear();
                checked++;
                // Drop any unconsumed scripted answers.
                while (true) {
                    try {
                        callOf(path).accept(client(server.baseUri(), Duration.ofSeconds(5)));
                        break;
                    } catch (ApiParticulierException ignored) {
                        // consumed one
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(80);
    }

    @Test
    void a_429_closes_the_gate_until_retry_after_and_no_request_leaves_meanwhile() {
        String path = "/v3/dss/quotient_familial/identite";
        JsonNode tooMany = server.documentedErrors(path).stream()
                .filter(e -> e.getKey() == 429)
                .findFirst()
                .orElseThrow()
                .getValue();
        server.script(path, 429, tooMany.toString(), Map.of("Retry-After", "30"));
        assertThatThrownBy(() -> client.quotientFamilial(CANTINE, PERSON, null))
                .isInstanceOfSatisfying(RateLimitedException.class, e -> {
                    assertThat(e.status()).isEqualTo(429);
                    assertThat(e.retryAt()).isEqualTo(clock.instant().plusSeconds(30));
                });
        assertThat(server.requestCount()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(10));
        assertThatThrownBy(() -> client.revenuSolidariteActive(CANTINE, PERSON))
                .isInstanceOfSatisfying(
                        RateLimitedException.class, e -> assertThat(e.status()).isZero());
        assertThat(server.requestCount()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(21));
        assertThat(client.revenuSolidariteActive(CANTINE, PERSON).beneficiary()).isTrue();
        assertThat(server.requestCount()).isEqualTo(2);
        assertThat(auditEntries())
                .extracting(e -> e.record().details().get("outcome"))
                .containsExactly("error:00429", "refused:rate-limit", "ok");
    }

    @Test
    void an_exhausted_ratelimit_window_is_waited_for_before_calling_again() {
        long reset = clock.instant().plusSeconds(1).getEpochSecond();
        server.successHeaders =
                Map.of("RateLimit-Limit", "50", "RateLimit-Remaining", "0", "RateLimit-Reset", String.valueOf(reset));
        client.revenuSolidariteActive(CANTINE, PERSON);
        server.successHeaders = Map.of();
        client.revenuSolidariteActive(CANTINE, PERSON);
        assertThat(sleeps).containsExactly(Duration.ofSeconds(1));
        assertThat(server.requestCount()).isEqualTo(2);

        // A window that reopens later than the client is willing to wait: refused locally.
        server.successHeaders = Map.of(
                "RateLimit-Remaining",
                "0",
                "RateLimit-Reset",
                String.valueOf(clock.instant().plusSeconds(45).getEpochSecond()));
        client.revenuSolidariteActive(CANTINE, PERSON);
        assertThatThrownBy(() -> client.revenuSolidariteActive(CANTINE, PERSON))
                .isInstanceOf(RateLimitedException.class);
        assertThat(server.requestCount()).isEqualTo(3);
    }

    @Test
    void a_transient_provider_failure_is_retried_with_backoff() {
        String path = "/v3/dss/revenu_solidarite_active/identite";
        server.script(
                path,
                504,
                "{\"errors\":[{\"code\":\"37001\",\"title\":\"Service non disponible\",\"detail\":\"d\",\"source\":null,\"meta\":{\"provider\":\"CNAV\"}}]}",
                Map.of());
        server.script(
                path,
                504,
                "{\"errors\":[{\"code\":\"37002\",\"title\":\"Intermédiaire hors-délai\",\"detail\":\"d\",\"source\":null,\"meta\":{}}]}",
                Map.of());
        assertThat(client.revenuSolidariteActive(CANTINE, PERSON).beneficiary()).isTrue();
        assertThat(server.requestCount()).isEqualTo(3);
        assertThat(sleeps).containsExactly(Duration.ofMillis(200), Duration.ofMillis(400));
    }

    @Test
    void client_errors_and_provider_rate_limits_are_not_retried() {
        String path = "/v3/dss/revenu_solidarite_active/identite";
        server.script(
                path,
                404,
                "{\"errors\":[{\"code\":\"23003\",\"title\":\"t\",\"detail\":\"d\",\"source\":null,\"meta\":{}}]}",
                Map.of());
        assertThatThrownBy(() -> client.revenuSolidariteActive(CANTINE, PERSON))
                .isInstanceOf(PersonNotFoundException.class);
        clock.advance(Duration.ofSeconds(1)); // the next rate slot is free: no wait to confuse with a retry
        server.script(
                path,
                504,
                "{\"errors\":[{\"code\":\"37008\",\"title\":\"t\",\"detail\":\"d\",\"source\":null,\"meta\":{}}]}",
                Map.of());
        assertThatThrownBy(() -> client.revenuSolidariteActive(CANTINE, PERSON))
                .isInstanceOf(ProviderUnavailableException.class);
        assertThat(server.requestCount()).isEqualTo(2);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void an_unreachable_server_is_retried_then_reported() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        ApiParticulierClient unreachable = client(URI.create("http://127.0.0.1:" + closedPort), Duration.ofSeconds(5));
        assertThatThrownBy(() -> unreachable.revenuSolidariteActive(CANTINE, PERSON))
                .isInstanceOf(TransportException.class);
        assertThat(sleeps).hasSize(2);
        assertThat(auditEntries())
                .extracting(e -> e.record().details().get("outcome"))
                .containsExactly("unreachable");
    }

    @Test
    void a_slow_answer_times_out_and_is_not_retried() throws Exception {
        var slow = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        var release = new java.util.concurrent.CountDownLatch(1);
        var hits = new java.util.concurrent.atomic.AtomicInteger();
        slow.createContext("/", ex -> {
            hits.incrementAndGet();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ex.close();
        });
        slow.start();
        try {
            ApiParticulierClient c =
                    client(URI.create("http://127.0.0.1:" + slow.getAddress().getPort()), Duration.ofMillis(300));
            assertThatThrownBy(() -> c.revenuSolidariteActive(CANTINE, PERSON))
                    .isInstanceOf(TransportException.class)
                    .hasMessageContaining("timed out");
            assertThat(hits.get()).isEqualTo(1);
        } finally {
            release.countDown();
            slow.stop(0);
        }
    }

    @Test
    void the_default_timeout_is_five_seconds_and_the_token_is_never_printed() {
        ApiParticulierConfig config = ApiParticulierConfig.builder(TENANT)
                .token(TOKEN)
                .recipient(Siret.parse("13002526500013"))
                .habilitations(habilitations)
                .build();
        assertThat(config.timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.baseUri()).hasToString("https://staging.particulier.api.gouv.fr");
        assertThat(config.toString()).doesNotContain(TOKEN);
    }

    @Test
    void local_checks_refuse_malformed_input_without_a_request() {
        PersonIdentity presumed =
                new PersonIdentity("DUPONT", null, List.of("JEAN"), 1990, 0, 0, "M", "99100", "75107");
        assertThatThrownBy(() -> client.studentStatus(BOURSE, presumed)).isInstanceOf(InvalidParametersException.class);
        assertThatThrownBy(() -> client.studentStatusByIne(BOURSE, "x")).isInstanceOf(InvalidParametersException.class);
        assertThatThrownBy(() -> new PersonIdentity("DUPONT", null, List.of("JEAN"), 1990, 1, 1, "X", "99100", "75107"))
                .isInstanceOf(InvalidParametersException.class);
        assertThat(server.requestCount()).isZero();
    }

    // ---- Issue 18 item 6: expected values from the official description ------------------------

    static final PersonIdentity WITH_USAGE_NAME = new PersonIdentity(
            "DUPONT", "MARTIN", List.of("JEAN", "PIERRE", "PAUL"), 1990, 1, 31, "M", "99100", "75107");

    @Test
    void mesri_gets_one_given_name_and_routes_without_nom_usage_do_not_get_it() {
        client.studentStatus(BOURSE, WITH_USAGE_NAME);
        // prenoms[] maxItems: 1 on /v3/mesri/statut_etudiant/identite; no nomUsage declared there.
        assertThat(last().query()).containsEntry("prenoms[]", List.of("JEAN"));
        assertThat(last().query()).doesNotContainKey("nomUsage");
        client.studentScholarship(BOURSE, WITH_USAGE_NAME);
        assertThat(last().query()).doesNotContainKey("nomUsage");
        assertThat(last().query()).containsEntry("prenoms[]", List.of("JEAN", "PIERRE", "PAUL"));
        client.schooling(CANTINE, WITH_USAGE_NAME, "2022-2023", "0210015C");
        assertThat(last().query()).doesNotContainKeys("nomUsage", "codeCogInseeCommuneNaissance");
        // A DSS route declares nomUsage: it is sent there.
        client.quotientFamilial(CANTINE, WITH_USAGE_NAME, null);
        assertThat(last().query()).containsEntry("nomUsage", List.of("MARTIN"));
        // (the @AfterEach checks every request against the declared parameters and maxItems)
    }

    @Test
    void the_routes_a_commune_uses_answer_the_values_of_the_official_examples() {
        BenefitStatus aah = client.allocationAdulteHandicape(CANTINE, PERSON);
        assertThat(last().path()).isEqualTo("/v3/dss/allocation_adulte_handicape/identite");
        assertThat(aah).isEqualTo(new BenefitStatus(true, null, LocalDate.of(1992, 11, 29)));

        BenefitStatus asf = client.allocationSoutienFamilial(CANTINE, PERSON);
        assertThat(last().path()).isEqualTo("/v3/dss/allocation_soutien_familial/identite");
        assertThat(asf).isEqualTo(new BenefitStatus(true, null, LocalDate.of(1992, 11, 29)));

        DisabledChildAllowance aeeh = client.allocationEducationEnfantHandicape(CANTINE, PERSON);
        assertThat(last().path()).isEqualTo("/v3/dss/allocation_enfant_handicape/identite");
        assertThat(aeeh)
                .isEqualTo(new DisabledChildAllowance(
                        DisabledChildAllowance.Status.ALLOCATAIRE, LocalDate.of(1992, 11, 29)));

        BenefitStatus prime = client.primeActivite(CANTINE, PERSON);
        assertThat(last().path()).isEqualTo("/v3/dss/prime_activite/identite");
        assertThat(prime).isEqualTo(new BenefitStatus(true, false, LocalDate.of(1992, 11, 20)));

        BenefitStatus css = client.complementaireSanteSolidaire(CANTINE, PERSON);
        assertThat(css.beneficiary()).isTrue();

        JobseekerPayments payments = client.jobseekerPayments(EMPLOI, "jean.dupont33");
        assertThat(last().path()).isEqualTo("/v3/france_travail/indemnites/identifiant");
        assertThat(payments.identifier()).isEqualTo("jean.dupont33");
        assertThat(payments.payments())
                .containsExactly(new JobseekerPayments.Payment(
                        LocalDate.of(2021, 1, 1),
                        new java.math.BigDecimal("123.4"),
                        new java.math.BigDecimal("45.1"),
                        new java.math.BigDecimal("12.21"),
                        new java.math.BigDecimal("2.34")));

        Schooling schooling = client.schooling(CANTINE, PERSON, "2022-2023", null);
        assertThat(last().path()).isEqualTo("/v4/men/scolarites/identite");
        assertThat(last().query()).containsEntry("anneeScolaire", List.of("2022-2023"));
        assertThat(schooling)
                .isEqualTo(new Schooling(
                        true, "2022-2023", "0210015C", "ST", "SCOLAIRE", "1CAP1 STAFFEUR ORNEMANISTE", true, 1));
    }

    @Test
    void no_deprecated_route_is_called() {
        for (String path : server.paths()) {
            if (callOf(path) != null) {
                assertThat(server.operation(path).path("deprecated").asBoolean(false))
                        .as(path)
                        .isFalse();
            }
        }
        for (String path : List.of(
                "/v3/dss/allocation_adulte_handicape/identite",
                "/v3/dss/allocation_soutien_familial/identite",
                "/v3/dss/allocation_enfant_handicape/identite",
                "/v3/dss/prime_activite/identite",
                "/v3/dss/complementaire_sante_solidaire/identite",
                "/v3/france_travail/indemnites/identifiant",
                "/v4/men/scolarites/identite",
                "/v4/cnous/etudiant_boursier/identite")) {
            assertThat(callOf(path)).as(path).isNotNull();
        }
    }

    @Test
    void the_habilitation_is_checked_before_the_input_and_input_refusals_are_audited() {
        // Not habilitated and malformed: the habilitation answers first.
        assertThatThrownBy(() -> client.studentStatusByIne(CANTINE, "x")).isInstanceOf(ScopeNotAllowedException.class);
        // Habilitated and malformed: refused locally, and audited.
        assertThatThrownBy(() -> client.studentStatusByIne(BOURSE, "x")).isInstanceOf(InvalidParametersException.class);
        PersonIdentity presumed =
                new PersonIdentity("DUPONT", null, List.of("JEAN"), 1990, 0, 0, "M", "99100", "75107");
        assertThatThrownBy(() -> client.studentScholarship(BOURSE, presumed))
                .isInstanceOf(InvalidParametersException.class);
        assertThatThrownBy(() -> client.jobseekerPayments(EMPLOI, "a b"))
                .isInstanceOf(InvalidParametersException.class);
        assertThatThrownBy(() -> client.schooling(CANTINE, PERSON, "2022-2024", null))
                .isInstanceOf(InvalidParametersException.class);
        assertThat(server.requestCount()).isZero();
        assertThat(auditEntries())
                .extracting(e -> e.record().details().get("outcome"))
                .containsExactly(
                        "refused:habilitation",
                        "refused:invalid-parameters",
                        "refused:invalid-parameters",
                        "refused:invalid-parameters",
                        "refused:invalid-parameters");
    }

    @Test
    void out_of_range_dates_become_typed_errors() {
        // moisDateNaissance is a month (1-12), jourDateNaissance a day of that month.
        assertThatThrownBy(
                        () -> new PersonIdentity("DUPONT", null, List.of("JEAN"), 1990, 13, 1, "M", "99100", "75107"))
                .isInstanceOf(InvalidParametersException.class)
                .hasMessageContaining("1990-13-1");
        assertThatThrownBy(
                        () -> new PersonIdentity("DUPONT", null, List.of("JEAN"), 1990, 2, 30, "M", "99100", "75107"))
                .isInstanceOf(InvalidParametersException.class);
        // An answer whose month is out of range does not follow the description.
        String body = server.successBody("/v3/dss/quotient_familial/identite").replace("\"mois\":6", "\"mois\":13");
        assertThat(body).contains("\"mois\":13");
        server.script("/v3/dss/quotient_familial/identite", 200, body, Map.of());
        assertThatThrownBy(() -> client.quotientFamilial(CANTINE, PERSON, null))
                .isInstanceOf(UnexpectedResponseException.class);
    }

    @Test
    void a_500_is_a_provider_unavailable_error_as_documented() {
        server.script(
                "/v3/dss/revenu_solidarite_active/identite",
                500,
                "{\"errors\":[{\"code\":\"00999\",\"title\":\"t\",\"detail\":\"d\",\"meta\":{}}]}",
                Map.of());
        assertThatThrownBy(() -> client.revenuSolidariteActive(CANTINE, PERSON))
                .isInstanceOfSatisfying(
                        ProviderUnavailableException.class,
                        e -> assertThat(e.status()).isEqualTo(500));
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void the_timeout_covers_a_body_that_stalls_after_the_headers() throws Exception {
        var release = new java.util.concurrent.CountDownLatch(1);
        try (ServerSocket stalling = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            Thread serverThread = new Thread(() -> {
                try (var socket = stalling.accept()) {
                    var in = new java.io.BufferedReader(new java.io.InputStreamReader(
                            socket.getInputStream(), java.nio.charset.StandardCharsets.US_ASCII));
                    for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                        // the request head
                    }
                    var out = socket.getOutputStream();
                    out.write(
                            ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n{\"data\":")
                                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                    out.flush();
                    release.await(); // the body never comes
                } catch (Exception e) {
                    // the test is over
                }
            });
            serverThread.setDaemon(true);
            serverThread.start();
            ApiParticulierClient c =
                    client(URI.create("http://127.0.0.1:" + stalling.getLocalPort()), Duration.ofMillis(300));
            // A guard so that a client without a whole-answer timeout fails instead of hanging.
            org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                    Duration.ofSeconds(30),
                    () -> assertThatThrownBy(() -> c.revenuSolidariteActive(CANTINE, PERSON))
                            .isInstanceOf(TransportException.class)
                            .hasMessageContaining("timed out"));
            assertThat(auditEntries())
                    .extracting(e -> e.record().details().get("outcome"))
                    .containsExactly("timeout");
        } finally {
            release.countDown();
        }
    }

    @Test
    void calls_are_held_under_twenty_per_second_before_they_are_sent() {
        List<Instant> sentAt = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            client.revenuSolidariteActive(CANTINE, PERSON);
            sentAt.add(clock.instant()); // the clock only moves when the client waits: this is when it sent
        }
        assertThat(server.requestCount()).isEqualTo(60);
        // API Particulier allows 20 requests per second per token: any 20 consecutive calls span a second.
        for (int i = 0; i + 19 < sentAt.size(); i++) {
            assertThat(Duration.between(sentAt.get(i), sentAt.get(i + 19)))
                    .as("calls " + i + " to " + (i + 19))
                    .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        }
    }

    @Test
    void callers_released_after_a_retry_after_leave_one_slot_apart() throws Exception {
        List<Duration> waits = new java.util.concurrent.CopyOnWriteArrayList<>();
        ApiParticulierConfig config = ApiParticulierConfig.builder(TENANT)
                .baseUri(server.baseUri())
                .token(TOKEN)
                .recipient(Siret.parse("13002526500013"))
                .habilitations(habilitations)
                .build();
        // The clock does not move: every caller sees the same "now", as threads released together would.
        ApiParticulierClient shared =
                new ApiParticulierClient(config, HttpClient.newHttpClient(), audit, clock, waits::add);
        String path = "/v3/dss/revenu_solidarite_active/identite";
        JsonNode tooMany = server.documentedErrors(path).stream()
                .filter(e -> e.getKey() == 429)
                .findFirst()
                .orElseThrow()
                .getValue();
        server.script(path, 429, tooMany.toString(), Map.of("Retry-After", "1"));
        assertThatThrownBy(() -> shared.revenuSolidariteActive(CANTINE, PERSON))
                .isInstanceOf(RateLimitedException.class);
        waits.clear();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<BenefitStatus>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(pool.submit(() -> shared.revenuSolidariteActive(CANTINE, PERSON)));
            }
            for (var call : calls) {
                assertThat(call.get().beneficiary()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
        // Each waited past the Retry-After, and no two leave at the same time.
        assertThat(waits)
                .hasSize(8)
                .doesNotHaveDuplicates()
                .allSatisfy(w -> assertThat(w).isGreaterThanOrEqualTo(Duration.ofSeconds(1)));
        List<Duration> sorted = waits.stream().sorted().toList();
        for (int i = 1; i < sorted.size(); i++) {
            assertThat(sorted.get(i).minus(sorted.get(i - 1))).isGreaterThanOrEqualTo(Duration.ofMillis(50));
        }
    }
}
