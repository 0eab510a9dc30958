package org.opengru.franceconnect.apiparticulier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpClient;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opengru.core.audit.AuditTrail;
import org.opengru.core.catalogue.DocumentTypeCode;
import org.opengru.core.error.AccessDeniedException;
import org.opengru.core.id.IdGenerator;
import org.opengru.core.principal.UsagerPrincipal;
import org.opengru.core.proof.DataProof;
import org.opengru.core.tenancy.TenantId;
import org.opengru.core.usager.Contact;
import org.opengru.core.usager.Gender;
import org.opengru.core.usager.Person;
import org.opengru.core.usager.PivotIdentity;
import org.opengru.core.usager.Provenance;
import org.opengru.core.usager.UsagerStore;
import org.opengru.core.value.CogCode;
import org.opengru.core.value.Siret;
import org.opengru.test.MutableClock;

/** API Particulier results standing in for pieces through gru-documents' data-proof port. */
class ApiParticulierDataProofsTest {
    static final DocumentTypeCode CAF_CERTIFICATE = DocumentTypeCode.of("attestation-caf");
    static final DocumentTypeCode SCHOOL_CERTIFICATE = DocumentTypeCode.of("certificat-scolarite");
    static final DocumentTypeCode TAX_NOTICE = DocumentTypeCode.of("avis-imposition");

    private final OpenApiServer server = new OpenApiServer();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:00Z"));
    private final UsagerStore usagers = UsagerStore.inMemory();
    private final IdGenerator ids = IdGenerator.create(clock);
    private final TenantId tenant = ApiParticulierClientTest.TENANT;
    private final ApiParticulierClient client = new ApiParticulierClient(
            ApiParticulierConfig.builder(tenant)
                    .baseUri(server.baseUri())
                    .token(ApiParticulierClientTest.TOKEN)
                    .recipient(Siret.parse("13002526500013"))
                    .habilitations(Habilitations.builder()
                            .allow("inscription-cantine", ApiParticulierScope.QUOTIENT_FAMILIAL)
                            .allow("bourse-etudiant", ApiParticulierScope.STATUT_ETUDIANT)
                            .build())
                    .build(),
            HttpClient.newHttpClient(),
            AuditTrail.inMemory(),
            clock,
            d -> clock.advance(d));
    private Optional<CallContext> context = Optional.of(ApiParticulierClientTest.CANTINE);
    // tag::data-proofs[]
    private final ApiParticulierDataProofs proofs = new ApiParticulierDataProofs(
            client,
            usagers,
            Map.of(
                    CAF_CERTIFICATE,
                    ApiParticulierScope.QUOTIENT_FAMILIAL,
                    SCHOOL_CERTIFICATE,
                    ApiParticulierScope.STATUT_ETUDIANT),
            (t, u) -> context,
            clock);
    // end::data-proofs[]

    @AfterEach
    void stop() {
        server.close();
        assertThat(server.violations).isEmpty();
    }

    private Person person(Provenance provenance) {
        Person p = Person.declared(
                        ids.newUsagerId(), tenant, "DUBOIS", List.of("Angela"), Contact.none(), clock.instant())
                .withIdentity(
                        new PivotIdentity(
                                "DUBOIS",
                                List.of("Angela"),
                                LocalDate.of(1992, 11, 29),
                                CogCode.parse("75107"),
                                CogCode.FRANCE,
                                Gender.FEMALE),
                        provenance,
                        clock.instant(),
                        "franceconnect");
        usagers.save(p);
        return p;
    }

    @Test
    void the_quotient_familial_stands_in_for_the_caf_certificate() {
        Person p = person(Provenance.FRANCECONNECT_CERTIFIED);
        DataProof proof = proofs.proofFor(tenant, p.id(), CAF_CERTIFICATE, LocalDate.of(2023, 6, 15))
                .orElseThrow();
        assertThat(proof.replaces()).isEqualTo(CAF_CERTIFICATE);
        assertThat(proof.source()).isEqualTo("API Particulier — MSA");
        assertThat(proof.attributes())
                .containsEntry("quotient_familial", "1045")
                .containsEntry("periode", "2023-06");
        assertThat(proof.obtainedAt()).isEqualTo(clock.instant());
        assertThat(server.received.peek().query())
                .containsEntry("annee", List.of("2023"))
                .containsEntry("mois", List.of("6"));
    }

    @Test
    void an_enrolment_covering_the_day_stands_in_for_the_school_certificate() {
        context = Optional.of(ApiParticulierClientTest.BOURSE);
        Person p = person(Provenance.FRANCECONNECT_CERTIFIED);
        assertThat(proofs.proofFor(tenant, p.id(), SCHOOL_CERTIFICATE, LocalDate.of(2023, 3, 1)))
                .hasValueSatisfying(proof -> assertThat(proof.validUntil()).isEqualTo(LocalDate.of(2023, 8, 31)));
        assertThat(proofs.proofFor(tenant, p.id(), SCHOOL_CERTIFICATE, LocalDate.of(2024, 3, 1)))
                .isEmpty();
    }

    @Test
    void a_declared_identity_never_queries_the_api() {
        Person p = person(Provenance.DECLARED);
        assertThat(proofs.proofFor(tenant, p.id(), CAF_CERTIFICATE, LocalDate.of(2023, 6, 15)))
                .isEmpty();
        assertThat(server.requestCount()).isZero();
    }

    @Test
    void unmapped_pieces_unknown_contexts_and_unhabilitated_demarches_give_no_proof() {
        Person p = person(Provenance.FRANCECONNECT_CERTIFIED);
        assertThat(proofs.proofFor(tenant, p.id(), TAX_NOTICE, LocalDate.of(2023, 6, 15)))
                .isEmpty();
        context = Optional.empty();
        assertThat(proofs.proofFor(tenant, p.id(), CAF_CERTIFICATE, LocalDate.of(2023, 6, 15)))
                .isEmpty();
        context = Optional.of(ApiParticulierClientTest.BOURSE); // bourse-etudiant may not read the QF
        assertThat(proofs.proofFor(tenant, p.id(), CAF_CERTIFICATE, LocalDate.of(2023, 6, 15)))
                .isEmpty();
        assertThat(server.requestCount()).isZero();
    }

    @Test
    void a_failing_source_leaves_the_piece_missing() {
        Person p = person(Provenance.FRANCECONNECT_CERTIFIED);
        server.script(
                "/v3/dss/quotient_familial/identite",
                404,
                "{\"errors\":[{\"code\":\"23003\",\"title\":\"Dossier allocataire absent CNAF\",\"detail\":\"d\",\"source\":null,\"meta\":{}}]}",
                Map.of());
        assertThat(proofs.proofFor(tenant, p.id(), CAF_CERTIFICATE, LocalDate.of(2023, 6, 15)))
                .isEmpty();
    }

    @Test
    void an_attempt_on_the_usagers_request_says_why_there_is_no_proof() {
        Person p = person(Provenance.FRANCECONNECT_CERTIFIED);
        LocalDate on = LocalDate.of(2023, 6, 15);
        assertThat(proofs.attempt(as(p), CAF_CERTIFICATE, cantineFor(p), on))
                .isInstanceOfSatisfying(
                        ProofAttempt.Obtained.class,
                        o -> assertThat(o.proof().attributes()).containsEntry("quotient_familial", "1045"));

        String route = "/v3/dss/quotient_familial/identite";
        server.script(
                route,
                404,
                "{\"errors\":[{\"code\":\"35003\",\"title\":\"Allocataire non référencé\",\"detail\":\"d\","
                        + "\"source\":null,\"meta\":{\"provider\":\"CNAF & MSA\"}}]}",
                Map.of());
        // tag::person-unknown[]
        assertThat(reason(proofs.attempt(as(p), CAF_CERTIFICATE, cantineFor(p), on)))
                .isEqualTo(ProofAttempt.Reason.PERSON_UNKNOWN);
        // end::person-unknown[]

        String unavailable = "{\"errors\":[{\"code\":\"37001\",\"title\":\"Service non disponible\","
                + "\"detail\":\"d\",\"source\":null,\"meta\":{\"provider\":\"CNAV\"}}]}";
        for (int i = 0; i < 3; i++) { // every attempt the client makes
            server.script(route, 504, unavailable, Map.of());
        }
        assertThat(reason(proofs.attempt(as(p), CAF_CERTIFICATE, cantineFor(p), on)))
                .isEqualTo(ProofAttempt.Reason.SOURCE_UNAVAILABLE);

        server.script(
                route,
                429,
                "{\"errors\":[{\"code\":\"00429\",\"title\":\"Trop de requêtes\",\"detail\":\"d\","
                        + "\"source\":null,\"meta\":{}}]}",
                Map.of("Retry-After", "30"));
        ProofAttempt limited = proofs.attempt(as(p), CAF_CERTIFICATE, cantineFor(p), on);
        assertThat(reason(limited)).isEqualTo(ProofAttempt.Reason.RATE_LIMITED);
        assertThat(((ProofAttempt.NotObtained) limited).retryAt())
                .isEqualTo(clock.instant().plusSeconds(30));

        Person declared = person(Provenance.DECLARED);
        assertThat(reason(proofs.attempt(as(declared), CAF_CERTIFICATE, cantineFor(declared), on)))
                .isEqualTo(ProofAttempt.Reason.IDENTITY_NOT_CHECKED);
        assertThat(reason(proofs.attempt(as(p), TAX_NOTICE, cantineFor(p), on)))
                .isEqualTo(ProofAttempt.Reason.NOT_APPLICABLE);
    }

    @Test
    void an_attempt_fetches_only_the_signed_in_usagers_own_data_as_themselves() {
        Person p = person(Provenance.FRANCECONNECT_CERTIFIED);
        Person other = person(Provenance.FRANCECONNECT_CERTIFIED);
        // Another usager naming p as the requester in the context, or an agent's context: refused, no call.
        assertThatThrownBy(() -> proofs.attempt(as(other), CAF_CERTIFICATE, cantineFor(p), LocalDate.of(2023, 6, 15)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> proofs.attempt(
                        as(p), CAF_CERTIFICATE, ApiParticulierClientTest.CANTINE, LocalDate.of(2023, 6, 15)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(server.requestCount()).isZero();
    }

    private UsagerPrincipal as(Person p) {
        return new UsagerPrincipal(tenant, p.id());
    }

    private CallContext cantineFor(Person p) {
        CallContext cantine = ApiParticulierClientTest.CANTINE;
        return new CallContext(as(p).ref(), cantine.demarche(), cantine.requestId());
    }

    private static ProofAttempt.Reason reason(ProofAttempt attempt) {
        assertThat(attempt).isInstanceOf(ProofAttempt.NotObtained.class);
        return ((ProofAttempt.NotObtained) attempt).reason();
    }
}
