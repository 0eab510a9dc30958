package org.opengru.core.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opengru.core.error.AccessDeniedException;
import org.opengru.core.id.EventId;
import org.opengru.core.intake.Channel;
import org.opengru.core.principal.Principal;
import org.opengru.core.request.NewRequest;
import org.opengru.core.request.Request;
import org.opengru.core.testing.CoreFixture;

class RequestDeliveriesTest {

    private final CoreFixture f = new CoreFixture();
    private final Outbox outbox = Outbox.inMemory(f.clock, Set.of("metier"));
    private final RequestDeliveries deliveries = new RequestDeliveries(outbox, f.core.requests(), f.clock);

    private Request submitted() {
        Request draft = f.core.requests()
                .create(
                        f.parentP,
                        NewRequest.of("inscription-cantine", f.child, Channel.WEB, CoreFixture.canteenData())
                                .withPieces(CoreFixture.canteenPieces()),
                        null);
        return f.core.requests().submit(f.parentP, draft.id(), null);
    }

    private EventId push(Request r, String type) {
        EventId id = f.core.ids().newEventId();
        outbox.append(List.of(
                new OutboxMessage(id, r.tenant(), "request", r.id().toString(), type, f.clock.instant(), "{}")));
        return id;
    }

    @Test
    void anAgentSeesEachPushsStateAndRetriesADeadOne() {
        Request r = submitted();
        EventId created = push(r, "RequestCreated");
        EventId changed = push(r, "RequestStatusChanged");
        // The first is delivered, the second refused for good.
        outbox.process(1, f.clock.instant(), rec -> new DeliveryOutcome.Delivered(f.clock.instant()));
        outbox.process(1, f.clock.instant(), rec -> new DeliveryOutcome.Dead("HTTP 410"));

        assertThat(deliveries.of(f.agent, r.id()))
                .extracting(d -> d.message().eventId(), OutboxRecord::status)
                .containsExactly(tuple(created, OutboxStatus.DELIVERED), tuple(changed, OutboxStatus.DEAD));
        assertThat(deliveries.retry(f.agent, r.id(), created, "metier"))
                .as("a delivered push is not sent again")
                .isFalse();
        assertThat(deliveries.retry(f.agent, r.id(), changed, "metier")).isTrue();
        OutboxRecord retried = deliveries.of(f.agent, r.id()).get(1);
        assertThat(retried.status()).isEqualTo(OutboxStatus.PENDING);
        assertThat(retried.attempts()).isZero();
    }

    @Test
    void anotherRequestsPushIsNotRetriedThroughThisOne() {
        Request mine = submitted();
        Request other = submitted();
        EventId theirs = push(other, "RequestCreated");
        outbox.process(1, f.clock.instant(), rec -> new DeliveryOutcome.Dead("HTTP 410"));

        assertThat(deliveries.retry(f.agent, mine.id(), theirs, "metier")).isFalse();
        assertThat(deliveries.of(f.agent, other.id()).get(0).status()).isEqualTo(OutboxStatus.DEAD);
    }

    @Test
    void residentsAndOtherTeamsSeeNothing() {
        Request r = submitted();
        EventId e = push(r, "RequestCreated");

        assertThatThrownBy(() -> deliveries.of(f.parentP, r.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> deliveries.of(f.otherTeamAgent, r.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> deliveries.retry(f.otherTeamAgent, r.id(), e, "metier"))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(deliveries.of(Principal.system(f.tenant, "ops"), r.id())).hasSize(1);
    }
}
