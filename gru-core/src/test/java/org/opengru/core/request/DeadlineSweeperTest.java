package org.opengru.core.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
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

    @Test
    void neverDecidesWhileAComplementIsAwaited_orAfterAnExpressDecision() {
        Request awaiting = submittedTerrace();
        requests.startReview(f.agent, awaiting.id(), null);
        requests.requestComplement(f.agent, awaiting.id(), "Plan manquant", List.of("Plan de la terrasse"), null, null);
        Request decided = submittedCanteen();
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

    @Test
    void sweepsOnlyItsCollectivite() {
        submittedTerrace();
        f.clock.advance(Duration.ofDays(60));
        assertThat(f.core.deadlineSweeper().sweep(org.opengru.core.tenancy.TenantId.of("autre-commune")))
                .isZero();
        assertThat(f.core.deadlineSweeper().sweep(f.tenant)).isEqualTo(1);
    }
}
