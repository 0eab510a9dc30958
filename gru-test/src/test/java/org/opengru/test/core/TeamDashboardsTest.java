package org.opengru.test.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opengru.core.catalogue.ComplementEffect;
import org.opengru.core.catalogue.DecisionPeriod;
import org.opengru.core.catalogue.ImplicitDecision;
import org.opengru.core.catalogue.ImplicitDecisionRule;
import org.opengru.core.catalogue.Procedure;
import org.opengru.core.catalogue.ProcedureCode;
import org.opengru.core.catalogue.ProcedureStore;
import org.opengru.core.error.AccessDeniedException;
import org.opengru.core.error.ValidationException;
import org.opengru.core.id.AgentId;
import org.opengru.core.id.TeamId;
import org.opengru.core.id.UsagerId;
import org.opengru.core.intake.Channel;
import org.opengru.core.jdbc.PostgresPersistence;
import org.opengru.core.principal.AgentPrincipal;
import org.opengru.core.request.Request;
import org.opengru.core.request.RequestStatus;
import org.opengru.core.request.RequestStore;
import org.opengru.core.satisfaction.SatisfactionStore;
import org.opengru.core.satisfaction.SurveyInvitation;
import org.opengru.core.satisfaction.SurveyOccasion;
import org.opengru.core.satisfaction.SurveyResponse;
import org.opengru.core.stats.CaseFactsSource;
import org.opengru.core.stats.TeamDashboard;
import org.opengru.core.stats.TeamDashboards;
import org.opengru.test.postgres.EmbeddedPostgresExtension;
import org.opengru.test.postgres.PostgresDatabase;

/** The team lead's dashboard, over the in-memory store and over PostgreSQL: the same figures. */
@ExtendWith(EmbeddedPostgresExtension.class)
class TeamDashboardsTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    // Wednesday 18 March 2026, noon in Paris: the current week started on Monday 16.
    private static final Instant NOW = Instant.parse("2026-03-18T11:00:00Z");
    private static final ProcedureCode CANTINE = ProcedureCode.of("inscription-cantine");

    private final PostgresDatabase db;

    TeamDashboardsTest(PostgresDatabase db) {
        this.db = db;
    }

    @Test
    void inMemoryStore() {
        check(RequestStore.inMemory(), CaseFactsSource::of);
    }

    @Test
    void postgresSourceGivesTheSameFigures() {
        PostgresPersistence pg = PostgresPersistence.builder(db.dataSource(), Clock.systemUTC())
                .outboxSubscribers(Set.of())
                .build();
        pg.migrate();
        check(pg.requestStore(), store -> CaseFactsSource.postgres(pg.transactions()));
    }

    @Test
    void anAgentSeesOnlyTheFiguresOfTheirOwnTeams() {
        RequestFixtures fixtures = new RequestFixtures();
        RequestStore store = RequestStore.inMemory();
        file(store, fixtures, Instant.parse("2026-03-17T09:00:00Z"));
        TeamDashboards dashboards =
                new TeamDashboards(CaseFactsSource.of(store), catalogue(fixtures), null, Clock.fixed(NOW, PARIS));
        AgentPrincipal outsider =
                new AgentPrincipal(fixtures.tenant(), AgentId.of("urba"), Set.of(TeamId.of("urbanisme")));

        assertThat(dashboards
                        .of(outsider, TeamDashboards.Query.lastWeeks(4, PARIS))
                        .received())
                .isZero();
        assertThatThrownBy(() ->
                        dashboards.of(outsider, new TeamDashboards.Query(4, 7, PARIS, Set.of(RequestFixtures.TEAM))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> new TeamDashboards.Query(0, 7, PARIS, Set.of()))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("weeks");
    }

    private void check(RequestStore store, java.util.function.Function<RequestStore, CaseFactsSource> source) {
        RequestFixtures fixtures = new RequestFixtures();
        // Week of 2 March: two received, one decided after 2 days, one after 10 days (in the week of 9 March).
        Request a = file(store, fixtures, Instant.parse("2026-03-02T09:00:00Z"));
        store.apply(fixtures.decide(a, RequestStatus.ACCEPTED, false, Instant.parse("2026-03-04T09:00:00Z")));
        Request b = file(store, fixtures, Instant.parse("2026-03-03T09:00:00Z"));
        store.apply(fixtures.decide(b, RequestStatus.REJECTED, false, Instant.parse("2026-03-13T09:00:00Z")));
        // Received before the period, decided in its first week: a decision of the period.
        Request f = file(store, fixtures, Instant.parse("2026-02-20T09:00:00Z"));
        store.apply(fixtures.decide(f, RequestStatus.ACCEPTED, false, Instant.parse("2026-03-05T09:00:00Z")));
        // Received long before the period, still open: pending in every week.
        fileWithDeadline(store, fixtures, Instant.parse("2026-01-05T09:00:00Z"), Instant.parse("2026-03-17T23:00:00Z"));
        // This week: implicit acceptance due in 3 days (at risk) and in 40 days (not yet).
        fileWithDeadline(store, fixtures, Instant.parse("2026-03-16T09:00:00Z"), Instant.parse("2026-03-21T23:00:00Z"));
        fileWithDeadline(store, fixtures, Instant.parse("2026-03-16T10:00:00Z"), Instant.parse("2026-04-27T22:00:00Z"));
        // Decided before the period: left out.
        Request old = file(store, fixtures, Instant.parse("2025-12-01T09:00:00Z"));
        store.apply(fixtures.decide(old, RequestStatus.ACCEPTED, false, Instant.parse("2025-12-02T09:00:00Z")));

        SatisfactionStore surveys = SatisfactionStore.inMemory();
        answer(surveys, fixtures, 5, Channel.WEB);
        answer(surveys, fixtures, 3, Channel.PHONE);
        answer(surveys, fixtures, 4, Channel.WEB);

        TeamDashboards dashboards =
                new TeamDashboards(source.apply(store), catalogue(fixtures), surveys, Clock.fixed(NOW, PARIS));
        AgentPrincipal lead = new AgentPrincipal(fixtures.tenant(), AgentId.of("cheffe"), Set.of(RequestFixtures.TEAM));
        TeamDashboard d = dashboards.of(lead, TeamDashboards.Query.lastWeeks(3, PARIS));

        assertThat(d.firstWeek()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(d.weeks())
                .containsExactly(
                        new TeamDashboard.WeekLine(LocalDate.of(2026, 3, 2), 2, 2, 2),
                        new TeamDashboard.WeekLine(LocalDate.of(2026, 3, 9), 0, 1, 1),
                        new TeamDashboard.WeekLine(LocalDate.of(2026, 3, 16), 2, 0, 3));
        assertThat(d.procedures()).containsExactly(new TeamDashboard.ProcedureLine(CANTINE, 4, 3, 3, 10.0));
        assertThat(d.medianProcessingDays()).isEqualTo(10.0);
        assertThat(d.atRisk()).containsExactly(new TeamDashboard.RiskLine(CANTINE, ImplicitDecision.ACCEPTANCE, 1, 1));
        assertThat(d.atRiskCount()).isEqualTo(2);
        assertThat(d.satisfaction())
                .containsExactly(new TeamDashboard.SatisfactionLine(CANTINE.value(), 3, new long[] {0, 0, 1, 1, 1}));
        assertThat(d.satisfaction().get(0).mean()).isEqualTo(4.0);
    }

    private static Request file(RequestStore store, RequestFixtures fixtures, Instant at) {
        Request draft = store.apply(fixtures.draft(UsagerId.of(UUID.randomUUID()), at, null))
                .request();
        return store.apply(fixtures.submit(draft, at, null)).request();
    }

    private static void fileWithDeadline(RequestStore store, RequestFixtures fixtures, Instant at, Instant due) {
        Request draft = store.apply(fixtures.draft(UsagerId.of(UUID.randomUUID()), at, null))
                .request();
        store.apply(fixtures.submitWithDeadline(draft, at, due));
    }

    private static void answer(SatisfactionStore store, RequestFixtures fixtures, int score, Channel channel) {
        Instant at = Instant.parse("2026-03-10T10:00:00Z");
        SurveyInvitation i = new SurveyInvitation(
                UUID.randomUUID(),
                fixtures.tenant(),
                UsagerId.of(UUID.randomUUID()),
                SurveyOccasion.REQUEST_DECIDED,
                UUID.randomUUID().toString(),
                CANTINE.value(),
                channel,
                at,
                at.plus(Duration.ofDays(30)));
        store.invite(i);
        store.answer(new SurveyResponse(
                i.id(), i.tenant(), i.occasion(), i.procedureCode(), channel, score, null, at.plusSeconds(60)));
    }

    private static ProcedureStore catalogue(RequestFixtures fixtures) {
        ProcedureStore procedures = ProcedureStore.inMemory();
        procedures.define(
                fixtures.tenant(),
                Procedure.builder(CANTINE.value(), 1)
                        .title("Inscription à la cantine")
                        .team(RequestFixtures.TEAM.value())
                        .implicitDecision(
                                ImplicitDecisionRule.acceptance(DecisionPeriod.TWO_MONTHS, ComplementEffect.CONTINUE))
                        .build());
        return procedures;
    }
}
