package org.opengru.core.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opengru.core.id.EventId;
import org.opengru.core.id.RequestId;
import org.opengru.core.id.UsagerId;
import org.opengru.core.notification.inbox.InAppSender;
import org.opengru.core.notification.inbox.InboxStore;
import org.opengru.core.outbox.Outbox;
import org.opengru.core.outbox.OutboxRelay;
import org.opengru.core.tenancy.TenantId;
import org.opengru.core.testing.MutableClock;
import org.opengru.core.usager.NotificationChannel;
import org.opengru.core.value.PostalAddress;

/** Residents without digital access get a letter with the acknowledgment enclosed. */
class LetterSenderTest {

    @Test
    void aPostalPreferenceQueuesALetterWithItsEnclosures() {
        TenantId t = TenantId.of("commune-test");
        MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:00Z"));
        UsagerId usager = UsagerId.of(UUID.randomUUID());
        NotificationPreferenceStore prefs = NotificationPreferenceStore.inMemory();
        prefs.save(new NotificationPreferences(
                t,
                usager,
                List.of(NotificationChannel.POSTAL_MAIL),
                null,
                null,
                PostalAddress.france(List.of("3 impasse des Lilas"), "69100", "Villeurbanne"),
                null,
                null,
                LanguageRegister.PLAIN));
        LetterQueue letters = LetterQueue.inMemory();
        Outbox outbox = Outbox.inMemory(clock, Set.of(NotificationService.SUBSCRIBER));
        NotificationService service = NotificationService.builder(clock, outbox)
                .preferences(prefs)
                .sender(new LetterSender(prefs, letters, clock))
                .sender(new InAppSender(InboxStore.inMemory()))
                .build();
        service.enqueue(new RequestNotice(
                EventId.of(UUID.randomUUID()),
                t,
                usager,
                NotificationKind.REQUEST_RECEIVED,
                clock.instant(),
                RequestId.of(UUID.randomUUID()),
                Map.of("reference", "7K3F-M9XA", "procedure", "Carte de stationnement", "receivedOn", "2 mars 2026"),
                List.of(new Attachment("ar.pdf", "application/pdf", "%PDF".getBytes(StandardCharsets.US_ASCII)))));
        OutboxRelay.builder(outbox, clock)
                .subscriber(service.subscriber())
                .build()
                .drain();
        service.drain(5);

        assertThat(letters.pending(t, 10)).singleElement().satisfies(l -> {
            assertThat(l.address().city()).isEqualTo("Villeurbanne");
            assertThat(l.text()).contains("Nous avons bien reçu votre demande", "7K3F-M9XA");
            assertThat(l.enclosures()).extracting(Attachment::fileName).containsExactly("ar.pdf");
        });
        Notification n = service.history(t, usager, null, 1).get(0);
        assertThat(n.deliveredOn()).isEqualTo(NotificationChannel.POSTAL_MAIL);
        assertThat(letters.markPrinted(t, n.id(), clock.instant())).isTrue();
        assertThat(letters.pending(t, 10)).isEmpty();
    }
}
