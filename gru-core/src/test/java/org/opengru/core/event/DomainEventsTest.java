package org.opengru.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opengru.core.catalogue.FormData;
import org.opengru.core.error.ValidationException;
import org.opengru.core.intake.Channel;
import org.opengru.core.request.ComplementRequested;
import org.opengru.core.request.NewRequest;
import org.opengru.core.request.Request;
import org.opengru.core.request.RequestEvent;
import org.opengru.core.request.RequestSubmitted;
import org.opengru.core.testing.CoreFixture;

class DomainEventsTest {

    private final CoreFixture f = new CoreFixture();

    @Test
    void typedListeners_failingOnesDoNotStopOthers_andCancelWorks() {
        List<RequestSubmitted> submitted = new ArrayList<>();
        List<RequestEvent> all = new ArrayList<>();
        f.core.events().subscribe(RequestSubmitted.class, e -> {
            throw new IllegalStateException("a broken listener");
        });
        f.core.events().subscribe(RequestSubmitted.class, submitted::add);
        Subscription s = f.core.events().subscribe(RequestEvent.class, all::add);
        f.core.events().subscribe(ComplementRequested.class, e -> {
            throw new AssertionError("no complement was requested");
        });

        Request r = f.core.requests()
                .create(
                        f.parentP,
                        NewRequest.of("certificat-residence", f.parent, Channel.WEB, FormData.empty()),
                        null);
        Request sent = f.core.requests().submit(f.parentP, r.id(), null);
        assertThat(submitted).singleElement().satisfies(e -> {
            assertThat(e.requestId()).isEqualTo(sent.id());
            assertThat(e.tenant()).isEqualTo(f.tenant);
            assertThat(e.occurredAt()).isEqualTo(CoreFixture.START);
            assertThat(e.version()).isEqualTo(2);
        });
        assertThat(all)
                .extracting(DomainEvent::type)
                .containsExactly("RequestCreated", "RequestSubmitted", "RequestStatusChanged");
        s.cancel();
        f.core.requests().withdraw(f.parentP, r.id(), null);
        assertThat(all).hasSize(3);
    }

    @Test
    void aRefusedCommandPublishesNothing() {
        List<DomainEvent> all = new ArrayList<>();
        f.core.events().subscribeAll(all::add);
        assertThatThrownBy(() -> f.core.requests()
                        .create(
                                f.parentP,
                                NewRequest.of(
                                        "inscription-cantine", f.child, Channel.WEB, FormData.of("regime", "caviar")),
                                null))
                .isInstanceOf(ValidationException.class);
        assertThat(all).isEmpty();
    }
}
