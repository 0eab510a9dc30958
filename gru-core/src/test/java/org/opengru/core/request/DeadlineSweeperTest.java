package org.opengru.core.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opengru.core.catalogue.FormData;
import org.opengru.core.intake.Channel;
import org.opengru.core.principal.ActorKind;
import org.opengru.core.testing.CoreFixture;

class DeadlineSweeperTest {

    private final CoreFixture f = new CoreFixture();
    private final RequestService requests = f.core.requests();

    private Request submittedTerrace() {
        Request r = requests.create(
                f.parentP,
                NewRequest.of("autorisation-terrasse", f.parent, Channel.WEB, FormData.of("surface", 12)),
                null);
        return requests.submit(f.parentP, r.id(), null);
    }

    private Request submittedCanteen() {
        Request r = requests.create(
                f.parentP,
                NewRequest.of("inscription-cantine", f.child, Channel.WEB, CoreFixture.canteenData())
                        .withPieces(CoreFixture.canteenPieces()),
                null);
        return requests.submit(f.parentP, r.id(), null);
    }

    @Test
    void appliesDueImplicitDecisions_onceTheLastDayHasEndedInParis() {
        Request svr = submittedTerrace(); // received 15 January: the period's last day is 15 February
        Request sva = submittedCanteen(); // last day 15 March
        List<DeadlineReached> reached = new ArrayList<>();
        f.core.events().subscribe(DeadlineReached.class, reached::add);

        // The whole last day belongs to the administration: an express decision may still come.
        f.clock.set(Instant.parse("2026-02-14T23:00:00Z")); // 00:00 in Paris on 15 February
        assertThat(f.core.deadlineSweeper().sweep(f.tenant)).isZero();
        f.clock.set(Instant.parse("2026-02-15T22:59:59Z")); // 23:59:59 in Paris on 15 February
        assertThat(f.core.deadlineSweeper().sweep(f.tenant)).isZero();
        f.clock.set(Instant.parse("2026-02-15T23:00:00Z")); // the day has ended
        assertThat(f.core.deadlineSweeper().sweep(f.tenant)).isEqualTo(1);
        Request rejected = requests.get(f.parentP, svr.id());
        assertThat(rejected.status()).isEqualTo(RequestStatus.REJECTED);
        assertThat(rejected.decision().implicit()).isTrue();
        HistoryEntry last = requests.history(f.parentP, svr.id()).get(2);
        assertThat(last.action()).isEqualTo(RequestAction.IMPLICIT_REJECT);
        assertThat(last.implicit()).isTrue();
        assertThat(last.actor().kind()).isEqualTo(ActorKind.SYSTEM);
        assertThat(last.channel()).isEqualTo(Channel.SYSTEM);

        f.clock.set(Instant.parse("2026-03-20T08:00:00Z"));
        assertThat(f.core.deadlineSweeper().sweep(f.tenant)).isEqualTo(1);
        assertThat(requests.get(f.parentP, sva.id()).status()).isEqualTo(RequestStatus.ACCEPTED);
        assertThat(f.core.deadlineSweeper().sweep(f.tenant)).as("idempotent").isZero();
        assertThat(reached)
                .extracting(DeadlineReached::outcome)
                .containsExactly(RequestStatus.REJECTED, RequestStatus.ACCEPTED);
    }

    /**
     * Silence vaut accord waits for the pieces (L114-5 CRPA: the period only runs from their receipt), and
     * nothing is decided after an express decision.
     */
    @Test
    void neverDecidesSilenceVautAccordWhileAComplementIsAwaited_orAfterAnExpressDecision() {
        Request awaiting = submittedCanteen();
        requests.startReview(f.agent, awaiting.id(), null);
        requests.requestComplement(f.agent, awaiting.id(), "Pièce manquante", List.of("Livret de famille"), null, null);
        Request decided = submittedTerrace();
        requests.startReview(f.agent, decided.id(), null);
        requests.accept(f.agent, decided.id(), null);

        f.clock.advance(Duration.ofDays(365));
        assertThat(f.core.deadlineSweeper().sweep(f.tenant)).isZero();
        assertThat(requests.get(f.agent, awaiting.id()).status()).isEqualTo(RequestStatus.AWAITING_COMPLEMENT);
        // The system may not decide by hand before the deadline either.
        Request fresh = submittedTerrace();
        assertThat(requests.permittedActions(
                        org.opengru.core.principal.Principal.system(f.tenant, "deadline-sweeper"), fresh.id()))
                .isEmpty();
    }

    /**
     * Silence vaut rejet (L114-5 CRPA): the period is suspended only during the time given to produce the
     * pieces, and resumes when that time runs out even if they never come. Received 15 January (one month:
     * last day 15 February), complement asked on 20 January for 4 February: suspended 20 January to 4
     * February, 16 days, so the last day becomes 3 March and the rejection is born when it ends. Before,
     * the request stayed awaiting forever.
     */
    @Test
    void silenceVautRejetResumesWhenTheTimeGivenForThePiecesRunsOut() {
        Request svr = submittedTerrace();
        requests.startReview(f.agent, svr.id(), null);
        f.clock.set(Instant.parse("2026-01-20T09:00:00Z"));
        Request awaiting = requests.requestComplement(
                f.agent, svr.id(), "Plan manquant", List.of("Plan de la terrasse"), LocalDate.of(2026, 2, 4), null);
        assertThat(awaiting.deadline().date()).isEqualTo(LocalDate.of(2026, 3, 3));

        f.clock.set(Instant.parse("2026-03-03T22:59:59Z")); // 23:59:59 on 3 March in Paris
        assertThat(f.core.deadlineSweeper().sweep(f.tenant)).isZero();
        f.clock.set(Instant.parse("2026-03-03T23:00:00Z"));
        assertThat(f.core.deadlineSweeper().sweep(f.tenant)).isEqualTo(1);
        Request rejected = requests.get(f.agent, svr.id());
        assertThat(rejected.status()).isEqualTo(RequestStatus.REJECTED);
        assertThat(rejected.decision().implicit()).isTrue();
    }

    /** Pieces that arrive before the time given runs out end the suspension that day (5 days, not 16). */
    @Test
    void silenceVautRejetResumesWhenThePiecesArrive() {
        Request svr = submittedTerrace();
        requests.startReview(f.agent, svr.id(), null);
        f.clock.set(Instant.parse("2026-01-20T09:00:00Z"));
        requests.requestComplement(
                f.agent, svr.id(), "Plan manquant", List.of("Plan de la terrasse"), LocalDate.of(2026, 2, 4), null);
        f.clock.set(Instant.parse("2026-01-25T09:00:00Z"));
        Request resumed = requests.provideComplement(
                f.parentP, svr.id(), ActionInput.content(FormData.of("surface", 12), List.of()), null);
        assertThat(resumed.deadline().date()).isEqualTo(LocalDate.of(2026, 2, 20));
        assertThat(resumed.deadline().suspended()).isFalse();
    }

    /**
     * Registered incomplete at receipt (15 January), pieces due 15 February: silence vaut rejet runs from
     * receipt, suspended 15 January to 15 February (32 days), so the last day is 19 March.
     */
    @Test
    void silenceVautRejetRegisteredIncompleteIsRejectedOnceTheTimeGivenAndThePeriodHavePassed() {
        Request r = requests.create(
                f.agent,
                NewRequest.of("autorisation-terrasse", f.parent, Channel.COUNTER, FormData.of("surface", 12)),
                null);
        Request incomplete = requests.perform(
                f.agent,
                r.id(),
                RequestAction.REGISTER_INCOMPLETE,
                ActionInput.complementRequest(
                                "Plan manquant", List.of("Plan de la terrasse"), LocalDate.of(2026, 2, 15))
                        .via(Channel.COUNTER),
                null);
        assertThat(incomplete.deadline().date()).isEqualTo(LocalDate.of(2026, 3, 19));
        f.clock.set(Instant.parse("2026-03-19T22:59:59Z"));
        assertThat(f.core.deadlineSweeper().sweep(f.tenant)).isZero();
        f.clock.set(Instant.parse("2026-03-19T23:00:00Z"));
        assertThat(f.core.deadlineSweeper().sweep(f.tenant)).isEqualTo(1);
        assertThat(requests.get(f.agent, r.id()).status()).isEqualTo(RequestStatus.REJECTED);
    }

    @Test
    void sweepsOnlyItsCollectivite() {
        submittedTerrace();
        f.clock.advance(Duration.ofDays(60));
        assertThat(f.core.deadlineSweeper().sweep(org.opengru.core.tenancy.TenantId.of("autre-commune")))
                .isZero();
        assertThat(f.core.deadlineSweeper().sweep(f.tenant)).isEqualTo(1);
    }
}
