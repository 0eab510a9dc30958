package org.opengru.test.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opengru.core.catalogue.FormData;
import org.opengru.core.catalogue.ProcedureCode;
import org.opengru.core.error.NotFoundException;
import org.opengru.core.id.UsagerId;
import org.opengru.core.jdbc.PostgresPersistence;
import org.opengru.core.request.Request;
import org.opengru.core.request.RequestQuery;
import org.opengru.core.request.RequestStatus;
import org.opengru.core.rgpd.ConsentLedger;
import org.opengru.core.rgpd.ConsentRecord;
import org.opengru.core.rgpd.CoreSubjectData;
import org.opengru.core.rgpd.EndOfLife;
import org.opengru.core.rgpd.Erasure;
import org.opengru.core.rgpd.ErasureOutcome;
import org.opengru.core.rgpd.PurgeJob;
import org.opengru.core.rgpd.PurgeReport;
import org.opengru.core.rgpd.RetentionPhase;
import org.opengru.core.rgpd.RetentionPolicy;
import org.opengru.core.rgpd.RetentionStore;
import org.opengru.core.rgpd.SubjectAccess;
import org.opengru.core.tenancy.TenantId;
import org.opengru.core.usager.Contact;
import org.opengru.core.usager.Household;
import org.opengru.core.usager.HouseholdMember;
import org.opengru.core.usager.Person;
import org.opengru.core.usager.UsagerStore;
import org.opengru.test.MutableClock;
import org.opengru.test.postgres.EmbeddedPostgresExtension;
import org.opengru.test.postgres.PostgresDatabase;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@ExtendWith(EmbeddedPostgresExtension.class)
class RgpdLifecycleTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private final MutableClock clock = new MutableClock(T0);
    private final PostgresPersistence pg;

    RgpdLifecycleTest(PostgresDatabase db) {
        pg = PostgresPersistence.builder(db.dataSource(), clock)
                .outboxSubscribers(Set.of("logiciel-metier"))
                .build();
        pg.migrate();
    }

    private Request decidedRequest(RequestFixtures fixtures, UsagerId applicant) {
        Request draft =
                pg.requestStore().apply(fixtures.draft(applicant, T0, null)).request();
        Request submitted = pg.requestStore()
                .apply(fixtures.submit(draft, T0.plusSeconds(60), null))
                .request();
        return pg.requestStore()
                .apply(fixtures.decide(submitted, RequestStatus.REJECTED, false, T0.plus(Duration.ofDays(10))))
                .request();
    }

    private PurgeJob job(EndOfLife endOfLife) {
        return new PurgeJob(
                pg.retentionStore(),
                clock,
                List.of(new RetentionPolicy(
                        RequestFixtures.PROCEDURE.code(), Period.ofYears(1), Period.ofYears(2), endOfLife)),
                2);
    }

    /** docs/rgpd.md, the purge job as written there. */
    @Test
    void theDocumentedPurgeJobRuns() {
        TenantId tenant = new RequestFixtures().tenant();
        // tag::purge-job[]
        PurgeJob job = new PurgeJob(
                pg.retentionStore(),
                clock,
                List.of(new RetentionPolicy(
                        ProcedureCode.of("inscription-cantine"),
                        Period.ofYears(1),
                        Period.ofYears(2),
                        EndOfLife.ANONYMISE)),
                500); // batch size
        PurgeReport report = job.run(tenant); // call daily from any scheduler
        // end::purge-job[]
        assertThat(report).isNotNull();
    }

    @Test
    void retentionPhasesFollowTheCalendarInParis() {
        RetentionPolicy p = new RetentionPolicy(
                RequestFixtures.PROCEDURE.code(), Period.ofMonths(1), Period.ofMonths(1), EndOfLife.PURGE);
        java.time.ZoneId paris = java.time.ZoneId.of("Europe/Paris");
        Instant closed = Instant.parse("2026-01-31T10:00:00Z");
        assertThat(p.phaseAt(closed, Instant.parse("2026-02-27T10:00:00Z"), paris))
                .isEqualTo(RetentionPhase.ACTIVE);
        assertThat(p.phaseAt(closed, Instant.parse("2026-02-28T10:00:00Z"), paris))
                .isEqualTo(RetentionPhase.INTERMEDIATE_ARCHIVE);
        assertThat(p.phaseAt(closed, Instant.parse("2026-03-28T10:00:00Z"), paris))
                .isEqualTo(RetentionPhase.EXPIRED);
    }

    @Test
    void archivesThenAnonymisesKeepingStatisticsAndTheAuditChain() {
        RequestFixtures fixtures = new RequestFixtures();
        UsagerId applicant = UsagerId.of(UUID.randomUUID());
        Request decided = decidedRequest(fixtures, applicant);
        PurgeJob job = job(EndOfLife.ANONYMISE);

        clock.set(T0.plus(Duration.ofDays(200)));
        assertThat(job.run(fixtures.tenant())).isEqualTo(new PurgeReport(0, 0, 0));
        clock.set(T0.plus(Duration.ofDays(400)));
        assertThat(job.run(fixtures.tenant())).isEqualTo(new PurgeReport(1, 0, 0));
        assertThat(job.run(fixtures.tenant())).as("idempotent").isEqualTo(new PurgeReport(0, 0, 0));
        clock.set(T0.plus(Duration.ofDays(1200)));
        assertThat(job.run(fixtures.tenant())).isEqualTo(new PurgeReport(0, 0, 1));
        assertThat(job.run(fixtures.tenant())).isEqualTo(new PurgeReport(0, 0, 0));

        Request stripped =
                pg.requestStore().find(fixtures.tenant(), decided.id()).orElseThrow();
        assertThat(stripped.applicant()).isEqualTo(RetentionStore.ANONYMOUS_APPLICANT);
        assertThat(stripped.data()).isEqualTo(FormData.empty());
        assertThat(stripped.status()).isEqualTo(RequestStatus.REJECTED);
        assertThat(pg.requestStore().history(fixtures.tenant(), decided.id()))
                .allSatisfy(h -> assertThat(h.reason()).isNull());
        assertThat(pg.requestStore().byApplicants(fixtures.tenant(), Set.of(applicant), RequestQuery.firstPage()))
                .isEmpty();
        assertThat(pg.timelineStore().all(fixtures.tenant(), applicant)).isEmpty();
        assertThat(pg.auditTrail().verify(fixtures.tenant(), decided.id()).valid())
                .isTrue();
        assertThat(pg.statisticsSource().received(fixtures.tenant(), T0.minusSeconds(1), T0.plusSeconds(3600)))
                .singleElement()
                .satisfies(f -> assertThat(f.outcome()).isEqualTo(RequestStatus.REJECTED));
    }

    @Test
    void purgesExpiredRequestsButKeepsTheirAuditChain() {
        RequestFixtures fixtures = new RequestFixtures();
        UsagerId applicant = UsagerId.of(UUID.randomUUID());
        Request decided = decidedRequest(fixtures, applicant);
        clock.set(T0.plus(Duration.ofDays(1200)));

        assertThat(job(EndOfLife.PURGE).run(fixtures.tenant())).isEqualTo(new PurgeReport(0, 1, 0));

        assertThat(pg.requestStore().find(fixtures.tenant(), decided.id())).isEmpty();
        assertThat(pg.requestStore().history(fixtures.tenant(), decided.id())).isEmpty();
        assertThat(pg.auditTrail().entries(fixtures.tenant(), decided.id())).hasSize(3);
        assertThat(pg.auditTrail().verify(fixtures.tenant(), decided.id()).valid())
                .isTrue();
    }

    private void consentLedgerRecordsAgreementAndWithdrawal(ConsentLedger ledger) {
        RequestFixtures fixtures = new RequestFixtures();
        UsagerId usager = UsagerId.of(UUID.randomUUID());
        ledger.record(new ConsentRecord(fixtures.tenant(), usager, "sms-notifications", true, T0, "2026-01", "WEB"));
        assertThat(ledger.granted(fixtures.tenant(), usager, "sms-notifications"))
                .isTrue();
        ledger.record(new ConsentRecord(
                fixtures.tenant(), usager, "sms-notifications", false, T0.plusSeconds(3600), "2026-01", "PHONE"));
        assertThat(ledger.granted(fixtures.tenant(), usager, "sms-notifications"))
                .isFalse();
        assertThat(ledger.granted(fixtures.tenant(), usager, "newsletter")).isFalse();
        assertThat(ledger.history(fixtures.tenant(), usager))
                .extracting(ConsentRecord::granted)
                .containsExactly(true, false);
    }

    @Test
    void theConsentLedgerKeepsAgreementAndWithdrawalInMemory() {
        consentLedgerRecordsAgreementAndWithdrawal(ConsentLedger.inMemory());
    }

    @Test
    void theConsentLedgerKeepsAgreementAndWithdrawalInPostgres() {
        consentLedgerRecordsAgreementAndWithdrawal(pg.consentLedger());
    }

    @Test
    void exportsEverythingOnAnUsagerThenErasesWhatTheLawAllows() throws Exception {
        RequestFixtures fixtures = new RequestFixtures();
        UsagerId applicant = UsagerId.of(UUID.randomUUID());
        UsagerStore usagers = UsagerStore.inMemory();
        usagers.save(Person.declared(applicant, fixtures.tenant(), "Martin", List.of("Léa"), Contact.none(), T0));
        Request decided = decidedRequest(fixtures, applicant);
        Request draft =
                pg.requestStore().apply(fixtures.draft(applicant, T0, null)).request();
        // A parent filed a request on the usager's behalf: it holds data about them too.
        UsagerId parent = UsagerId.of(UUID.randomUUID());
        Request forThem = pg.requestStore()
                .apply(fixtures.draft(parent, applicant, T0, null))
                .request();
        forThem = pg.requestStore()
                .apply(fixtures.submit(forThem, T0.plusSeconds(30), null))
                .request();
        pg.consentLedger()
                .record(new ConsentRecord(
                        fixtures.tenant(), applicant, "sms-notifications", true, T0, "2026-01", "WEB"));
        SubjectAccess access = new SubjectAccess(
                clock,
                usagers,
                pg.requestStore(),
                CoreSubjectData.contributors(
                        usagers, pg.requestStore(), pg.timelineStore(), pg.consentLedger(), pg.retentionStore()));

        JsonNode export = JsonMapper.builder().build().readTree(access.export(fixtures.tenant(), applicant));

        assertThat(export.get("format").asString()).isEqualTo(SubjectAccess.FORMAT);
        JsonNode sections = export.get("sections");
        assertThat(sections.get("usager").toString()).contains("Martin", "Léa");
        assertThat(sections.get("requests")).hasSize(3);
        assertThat(sections.get("requests").toString())
                .contains(
                        decided.id().toString(),
                        draft.id().toString(),
                        forThem.id().toString());
        assertThat(sections.get("requests").get(2).get("role").asString()).isEqualTo("beneficiary");
        assertThat(sections.get("timeline")).hasSize(4);
        assertThat(sections.get("consents")).hasSize(1);

        int timelineBefore =
                pg.timelineStore().all(fixtures.tenant(), applicant).size();
        Erasure erasure = access.erase(fixtures.tenant(), applicant);

        assertThat(erasure.status()).isEqualTo(Erasure.Status.REFUSED_UNDER_RETENTION);
        assertThat(erasure.retainedRequests())
                .as("the decided request, the one filed for them")
                .containsExactlyInAnyOrder(
                        decided.reference().toString(), forThem.reference().toString());
        assertThat(erasure.reason()).contains("17.3.b", "Rien n'a été effacé");
        assertThat(erasure.outcomes()).isEmpty();
        assertThat(usagers.find(fixtures.tenant(), applicant))
                .as("nothing changed")
                .isPresent();
        assertThat(pg.requestStore().find(fixtures.tenant(), draft.id())).isPresent();
        assertThat(pg.timelineStore().all(fixtures.tenant(), applicant)).hasSize(timelineBefore);

        assertThatThrownBy(() -> access.erase(TenantId.of("autre-commune"), applicant))
                .as("an usager of another collectivité")
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> access.export(TenantId.of("autre-commune"), applicant))
                .isInstanceOf(NotFoundException.class);
        assertThat(usagers.find(fixtures.tenant(), applicant)).isPresent();
    }

    @Test
    void erasesTheIdentityWhenNoRequestIsRetainedAndTakesItOutOfItsHousehold() {
        RequestFixtures fixtures = new RequestFixtures();
        TenantId tenant = new RequestFixtures().tenant();
        UsagerStore usagers = pg.usagerStore();
        UsagerId parent = UsagerId.of(UUID.randomUUID());
        UsagerId teenager = UsagerId.of(UUID.randomUUID());
        usagers.save(Person.declared(parent, tenant, "Martin", List.of("Paul"), Contact.none(), T0));
        usagers.save(Person.declared(teenager, tenant, "Martin", List.of("Léa"), Contact.none(), T0));
        Household home = new Household(
                UsagerId.of(UUID.randomUUID()),
                tenant,
                "Foyer Martin",
                List.of(
                        new HouseholdMember(parent, HouseholdMember.Relationship.RESPONSIBLE_ADULT, true),
                        new HouseholdMember(teenager, HouseholdMember.Relationship.CHILD, false)),
                Contact.none());
        usagers.save(home);
        Request draft =
                pg.requestStore().apply(fixtures.draft(teenager, T0, null)).request();
        SubjectAccess access = new SubjectAccess(
                clock,
                usagers,
                pg.requestStore(),
                CoreSubjectData.contributors(
                        usagers, pg.requestStore(), pg.timelineStore(), pg.consentLedger(), pg.retentionStore()));

        Erasure erasure = access.erase(tenant, teenager);
        List<ErasureOutcome> outcomes = erasure.outcomes();

        assertThat(erasure.status()).isEqualTo(Erasure.Status.DONE);
        assertThat(outcomes.get(0)).isEqualTo(new ErasureOutcome("usager", 1, 0, null));
        assertThat(usagers.find(tenant, teenager)).isEmpty();
        assertThat(usagers.householdsOf(tenant, teenager)).isEmpty();
        assertThat(usagers.find(tenant, home.id()))
                .hasValueSatisfying(h -> assertThat(((Household) h).members())
                        .extracting(HouseholdMember::person)
                        .containsExactly(parent));
        assertThat(usagers.find(tenant, parent)).isPresent();
        assertThat(pg.requestStore().find(tenant, draft.id())).as("the draft").isEmpty();
    }
}
