package org.opengru.core.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opengru.core.contact.ContactLog;
import org.opengru.core.contact.ContactService;
import org.opengru.core.contact.ContactTimeline;
import org.opengru.core.contact.Direction;
import org.opengru.core.id.AgentId;
import org.opengru.core.id.EventId;
import org.opengru.core.id.IdGenerator;
import org.opengru.core.id.RequestId;
import org.opengru.core.id.UsagerId;
import org.opengru.core.intake.Channel;
import org.opengru.core.notification.inbox.InAppSender;
import org.opengru.core.notification.inbox.InboxStore;
import org.opengru.core.outbox.Outbox;
import org.opengru.core.outbox.OutboxRelay;
import org.opengru.core.principal.Principal;
import org.opengru.core.request.RequestStore;
import org.opengru.core.tenancy.TenantId;
import org.opengru.core.testing.MutableClock;
import org.opengru.core.timeline.Timeline;
import org.opengru.core.timeline.TimelineEntry;
import org.opengru.core.timeline.TimelinePage;
import org.opengru.core.usager.Contact;
import org.opengru.core.usager.Person;
import org.opengru.core.usager.UsagerStore;

/** Notifications and contacts of every channel in one 360° timeline, paged by keyset. */
class ChannelTimelineTest {

    @Test
    void everyChannelFeedsTheSameTimeline() {
        TenantId t = TenantId.of("commune-test");
        MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:00Z"));
        UsagerId usager = UsagerId.of(UUID.randomUUID());
        Outbox outbox = Outbox.inMemory(clock, Set.of(NotificationService.SUBSCRIBER));
        NotificationStore store = NotificationStore.inMemory();
        NotificationService notifications = NotificationService.builder(clock, outbox)
                .store(store)
                .sender(new InAppSender(InboxStore.inMemory()))
                .build();
        OutboxRelay relay = OutboxRelay.builder(outbox, clock)
                .subscriber(notifications.subscriber())
                .build();
        ContactLog log = ContactLog.inMemory();
        UsagerStore usagers = UsagerStore.inMemory();
        usagers.save(Person.declared(usager, t, "Martin", List.of("Claire"), Contact.none(), clock.instant()));
        ContactService contacts =
                new ContactService(log, RequestStore.inMemory(), usagers, clock, IdGenerator.create(clock));
        var agent = Principal.agent(t, AgentId.of("jdupont"), Set.of());

        for (int i = 0; i < 4; i++) {
            notifications.enqueue(new RequestNotice(
                    EventId.of(UUID.randomUUID()),
                    t,
                    usager,
                    NotificationKind.AGENT_MESSAGE,
                    clock.instant(),
                    RequestId.of(UUID.randomUUID()),
                    Map.of("reference", "R" + i, "portalLink", "https://p/" + i),
                    List.of()));
            contacts.record(
                    agent,
                    new ContactService.Entry(
                            i % 2 == 0 ? Channel.PHONE : Channel.COUNTER,
                            Direction.INBOUND,
                            usager,
                            null,
                            "Échange " + i,
                            "Résumé",
                            clock.instant()));
            clock.advance(java.time.Duration.ofMinutes(1));
        }
        relay.drain();
        notifications.drain(5);

        // tag::contact-timeline[]
        Timeline timeline = Timeline.of(List.of(NotificationTimeline.of(store), ContactTimeline.of(log)));
        // end::contact-timeline[]
        List<TimelineEntry> seen = new ArrayList<>();
        TimelinePage page = timeline.page(t, usager, null, 3);
        seen.addAll(page.entries());
        while (page.next() != null) {
            page = timeline.page(t, usager, page.next(), 3);
            seen.addAll(page.entries());
        }
        assertThat(seen).hasSize(8);
        assertThat(seen).extracting(TimelineEntry::entryId).doesNotHaveDuplicates();
        assertThat(seen).isSortedAccordingTo(TimelineEntry.NEWEST_FIRST);
        assertThat(seen)
                .extracting(TimelineEntry::kind)
                .contains("notification.AGENT_MESSAGE", "contact.PHONE", "contact.COUNTER");
        assertThat(seen.stream()
                        .filter(e -> e.kind().startsWith("notification"))
                        .toList())
                .allSatisfy(e -> assertThat(e.summary()).contains("DELIVERED", "PORTAL"));
    }
}
