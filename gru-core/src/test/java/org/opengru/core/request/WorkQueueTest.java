package org.opengru.core.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opengru.core.error.AccessDeniedException;
import org.opengru.core.error.ValidationException;
import org.opengru.core.id.AgentId;
import org.opengru.core.id.TeamId;
import org.opengru.core.idempotency.IdempotencyKey;
import org.opengru.core.intake.Channel;
import org.opengru.core.principal.AgentPrincipal;
import org.opengru.core.principal.Principal;
import org.opengru.core.testing.CoreFixture;

class WorkQueueTest {

    private final CoreFixture f = new CoreFixture();
    private final RequestService requests = f.core.requests();

    private Request submitted() {
        Request draft = requests.create(
                f.parentP,
                NewRequest.of("inscription-cantine", f.child, Channel.WEB, CoreFixture.canteenData())
                        .withPieces(CoreFixture.canteenPieces()),
                null);
        return requests.submit(f.parentP, draft.id(), null);
    }

    /** docs/core.md, "The work queue", as written there. */
    @Test
    void theDocumentedQueueRuns() {
        Request r = submitted();
        f.clock.advance(Duration.ofDays(55)); // the canteen's implicit decision comes two months after receipt
        Clock clock = f.clock;
        AgentPrincipal agent = f.agent;
        // tag::work-queue[]
        WorkQueuePage page = requests.workQueue(
                agent,
                WorkQueueQuery.builder()
                        .unassigned(true)
                        .dueBefore(clock.instant().plus(Duration.ofDays(8)))
                        .limit(20)
                        .build());
        if (page.next() != null) {
            String link = page.next().token(); // WorkQueueQuery.Cursor.parse(link) reads it back
        }
        Request taken = requests.assign(agent, page.requests().get(0).id(), null); // "je prends"
        long daysLeft = taken.deadline().daysLeft(LocalDate.now(clock.withZone(ZoneId.of("Europe/Paris"))));
        // end::work-queue[]
        assertThat(page.next()).isNull();
        assertThat(taken.id()).isEqualTo(r.id());
        assertThat(taken.assignee()).isEqualTo(agent.agent());
        assertThat(daysLeft).isBetween(0L, 8L);
    }

    @Test
    void anAgentTakesARequestInHand_recordedInTheHistory_andOnlyOnce() {
        Request r = submitted();

        Request taken = requests.assign(f.agent, r.id(), IdempotencyKey.of("je-prends-1"));

        assertThat(taken.assignee()).isEqualTo(f.agent.agent());
        assertThat(taken.status()).isEqualTo(r.status());
        assertThat(taken.version()).isEqualTo(r.version() + 1);
        HistoryEntry last = requests.history(f.agent, r.id()).get((int) taken.version() - 1);
        assertThat(last.action()).isEqualTo(RequestAction.ASSIGN);
        assertThat(last.actor()).isEqualTo(f.agent.ref());
        // Taking it again, or retrying with the key, changes nothing.
        assertThat(requests.assign(f.agent, r.id(), null)).isEqualTo(taken);
        assertThat(requests.assign(f.agent, r.id(), IdempotencyKey.of("je-prends-1")))
                .isEqualTo(taken);
        assertThat(requests.history(f.agent, r.id())).hasSize((int) taken.version());
        // A colleague takes it over.
        Principal colleague = Principal.agent(f.tenant, AgentId.of("agent.martin"), Set.of(f.team));
        assertThat(requests.assign(colleague, r.id(), null).assignee()).isEqualTo(AgentId.of("agent.martin"));
    }

    @Test
    void anAgentHandsARequestOverToAColleagueOfTheTeam_recordedInTheHistory_andOnlyThere() {
        Request r = submitted();
        requests.assign(f.agent, r.id(), null);
        AgentPrincipal colleague = Principal.agent(f.tenant, AgentId.of("agent.martin"), Set.of(f.team));

        Request handed = requests.handOver(f.agent, r.id(), colleague, IdempotencyKey.of("confier-1"));

        assertThat(handed.assignee()).isEqualTo(colleague.agent());
        assertThat(handed.status()).isEqualTo(r.status());
        HistoryEntry last = requests.history(f.agent, r.id()).get((int) handed.version() - 1);
        assertThat(last.action()).isEqualTo(RequestAction.ASSIGN);
        assertThat(last.actor()).isEqualTo(f.agent.ref());
        assertThat(last.reason()).isEqualTo("agent:agent.martin");
        assertThat(requests.handOver(f.agent, r.id(), colleague, IdempotencyKey.of("confier-1")))
                .isEqualTo(handed);
        assertThat(requests.handOver(f.agent, r.id(), colleague, null)).isEqualTo(handed);
        assertThat(requests.workQueue(
                                colleague,
                                WorkQueueQuery.builder()
                                        .assignee(colleague.agent())
                                        .build())
                        .requests())
                .extracting(Request::id)
                .containsExactly(r.id());

        // Never to an agent who could not open it, nor by one who cannot, nor by the resident.
        AgentPrincipal elsewhere = Principal.agent(f.tenant, AgentId.of("agent.ailleurs"), Set.of(TeamId.of("voirie")));
        assertThatThrownBy(() -> requests.handOver(f.agent, r.id(), elsewhere, null))
                .isInstanceOf(AccessDeniedException.class);
        AgentPrincipal otherTenant = Principal.agent(
                org.opengru.core.tenancy.TenantId.of("commune-voisine"), AgentId.of("agent.martin"), Set.of(f.team));
        assertThatThrownBy(() -> requests.handOver(f.agent, r.id(), otherTenant, null))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> requests.handOver(f.otherTeamAgent, r.id(), f.agent, null))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> requests.handOver(f.parentP, r.id(), f.agent, null))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(requests.get(f.agent, r.id()).assignee()).isEqualTo(colleague.agent());
    }

    @Test
    void onlyAnAgentOfTheTeamTakesAnOpenRequest() {
        Request r = submitted();

        assertThatThrownBy(() -> requests.assign(f.otherTeamAgent, r.id(), null))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> requests.assign(f.parentP, r.id(), null)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> requests.assign(Principal.system(f.tenant, "batch"), r.id(), null))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> requests.perform(f.agent, r.id(), RequestAction.ASSIGN, ActionInput.none(), null))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("assign()");
        requests.startReview(f.agent, r.id(), null);
        requests.accept(f.agent, r.id(), null);
        assertThatThrownBy(() -> requests.assign(f.agent, r.id(), null))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("status")
                .hasMessageContaining("ACCEPTED");
        assertThat(requests.get(f.agent, r.id()).assignee()).isNull();
    }

    @Test
    void theQueueShowsTheAgentsTeamsOpenRequests_closedOnesInTheirOwnView() {
        Request open = submitted();
        Request decided = submitted();
        requests.startReview(f.agent, decided.id(), null);
        requests.accept(f.agent, decided.id(), null);

        WorkQueuePage page =
                requests.workQueue(f.agent, WorkQueueQuery.builder().build());
        assertThat(page.requests()).extracting(Request::id).containsExactly(open.id());
        assertThat(page.next()).isNull();
        assertThat(requests.workQueue(
                                f.agent,
                                WorkQueueQuery.builder()
                                        .view(WorkQueueQuery.View.CLOSED)
                                        .build())
                        .requests())
                .extracting(Request::id)
                .containsExactly(decided.id());
        assertThat(requests.workQueue(f.otherTeamAgent, WorkQueueQuery.builder().build())
                        .requests())
                .isEmpty();
        assertThatThrownBy(() -> requests.workQueue(
                        f.agent,
                        WorkQueueQuery.builder()
                                .teams(Set.of(TeamId.of("voirie")))
                                .build()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() ->
                        requests.workQueue(f.parentP, WorkQueueQuery.builder().build()))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void pagesFollowTheirCursor() {
        Request first = submitted();
        Request second = submitted();
        Request third = submitted();
        WorkQueueQuery.Builder q =
                WorkQueueQuery.builder().sort(WorkQueueQuery.Sort.OLDEST).limit(2);

        WorkQueuePage one = requests.workQueue(f.agent, q.build());
        assertThat(one.requests()).extracting(Request::id).containsExactly(first.id(), second.id());
        assertThat(one.next()).isNotNull();
        WorkQueueQuery.Cursor cursor = WorkQueueQuery.Cursor.parse(one.next().token());
        WorkQueuePage two = requests.workQueue(f.agent, q.after(cursor).build());
        assertThat(two.requests()).extracting(Request::id).containsExactly(third.id());
        assertThat(two.next()).isNull();
    }

    @Test
    void daysLeftCountToTheImplicitDecisionDate() {
        Request r = submitted();
        LocalDate today = LocalDate.ofInstant(f.clock.instant(), ZoneId.of("Europe/Paris"));
        LocalDate date = r.deadline().date();

        assertThat(r.deadline().daysLeft(date)).isZero();
        assertThat(r.deadline().daysLeft(date.plusDays(3))).isEqualTo(-3);
        assertThat(r.deadline().daysLeft(today)).isPositive();
    }

    @Test
    void badQueriesNameTheirField() {
        assertThatThrownBy(() -> WorkQueueQuery.builder().limit(0).build()).hasMessageContaining("limit");
        assertThatThrownBy(() -> WorkQueueQuery.builder()
                        .statuses(Set.of(RequestStatus.ACCEPTED))
                        .build())
                .hasMessageContaining("statuses")
                .hasMessageContaining("ACCEPTED");
        assertThatThrownBy(() -> WorkQueueQuery.builder()
                        .assignee(AgentId.of("a"))
                        .unassigned(true)
                        .build())
                .hasMessageContaining("unassigned");
        assertThatThrownBy(() -> WorkQueueQuery.Cursor.parse("pas-un-curseur"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("cursor");
        assertThatThrownBy(() -> WorkQueueQuery.Cursor.parse("hier_01"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("cursor");
    }
}
