package org.opengru.core.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opengru.core.GruCore;
import org.opengru.core.catalogue.FormData;
import org.opengru.core.catalogue.ProcedureDefinitions;
import org.opengru.core.event.DomainEvent;
import org.opengru.core.id.AgentId;
import org.opengru.core.id.TeamId;
import org.opengru.core.id.UsagerId;
import org.opengru.core.idempotency.IdempotencyKey;
import org.opengru.core.intake.Channel;
import org.opengru.core.notification.inbox.InAppSender;
import org.opengru.core.notification.inbox.InboxStore;
import org.opengru.core.outbox.Outbox;
import org.opengru.core.outbox.OutboxMessage;
import org.opengru.core.outbox.OutboxRecord;
import org.opengru.core.outbox.OutboxRelay;
import org.opengru.core.outbox.OutboxStatus;
import org.opengru.core.principal.Principal;
import org.opengru.core.request.NewRequest;
import org.opengru.core.request.Request;
import org.opengru.core.tenancy.Team;
import org.opengru.core.tenancy.TenantId;
import org.opengru.core.testing.MutableClock;
import org.opengru.core.usager.Contact;
import org.opengru.core.usager.Person;
import org.opengru.core.value.EmailAddress;
import org.opengru.core.value.PhoneNumber;
import org.opengru.core.value.PostalAddress;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** gru-core's request events become the applicant's notifications. */
class RequestNoticesTest {

    static final String TERRACE = """
            {"code": "autorisation-terrasse", "version": 1, "title": "Autorisation de terrasse", "team": "etat-civil",
             "openTo": ["PERSON"], "retention": "P5Y", "implicitDecision": {"decision": "REJECTION"},
             "schema": [{"name": "surface", "label": "Surface (m²)", "type": "NUMBER", "required": true, "min": 1}]}
            """;

    final MutableClock clock = new MutableClock(Instant.parse("2026-01-15T09:30:00Z"));
    final TenantId commune = TenantId.of("commune-69266");
    final GruCore core = GruCore.builder().clock(clock).build();
    final Outbox outbox = Outbox.inMemory(clock, Set.of(NotificationService.SUBSCRIBER));
    final InboxStore inbox = InboxStore.inMemory();
    final RequestNotices notices =
            new RequestNotices("https://portail.villeurbanne.fr/demandes/", ZoneId.of("Europe/Paris"));
    final NotificationService notifications = NotificationService.builder(clock, outbox)
            .sender(new InAppSender(inbox))
            .requestEvents(core.requestStore(), notices)
            .build();
    final UsagerId claire = core.ids().newUsagerId();
    final Principal me = Principal.usager(commune, claire);
    final Principal agent = Principal.agent(commune, AgentId.of("agent1"), Set.of(TeamId.of("etat-civil")));

    RequestNoticesTest() {
        core.teams()
                .save(new Team(
                        commune,
                        TeamId.of("etat-civil"),
                        "Service État civil",
                        PostalAddress.france(List.of("Place Lazare-Goujon"), "69100", "Villeurbanne"),
                        EmailAddress.parse("etat-civil@mairie-villeurbanne.fr"),
                        PhoneNumber.parse("04 78 03 67 67")));
        core.procedures().define(commune, new ProcedureDefinitions().fromJson(TERRACE));
        core.usagers()
                .save(Person.declared(claire, commune, "Martin", List.of("Claire"), Contact.none(), clock.instant()));
    }

    Request submit() {
        Request draft = core.requests()
                .create(
                        me,
                        NewRequest.of("autorisation-terrasse", claire, Channel.WEB, FormData.of("surface", 12)),
                        null);
        return core.requests().submit(me, draft.id(), IdempotencyKey.of("submit-" + draft.id()));
    }

    void pump() {
        OutboxRelay relay = OutboxRelay.builder(outbox, clock)
                .subscriber(notifications.subscriber())
                .build();
        relay.drain();
        notifications.drain(5);
    }

    @Test
    void theInProcessBusNotifiesSubmissionComplementAndDecision() {
        core.events().subscribeAll(notices.listener(core.requestStore(), notifications));
        Request sent = submit();
        core.requests().startReview(agent, sent.id(), null);
        core.requests()
                .requestComplement(
                        agent,
                        sent.id(),
                        "Plan manquant",
                        List.of("Plan de la terrasse"),
                        LocalDate.of(2026, 2, 16),
                        null);
        pump();

        List<Notification> history = notifications.history(commune, claire, null, 10);
        assertThat(history)
                .extracting(Notification::kind)
                .containsExactlyInAnyOrder(NotificationKind.REQUEST_RECEIVED, NotificationKind.COMPLEMENT_REQUESTED);
        Notification received = history.stream()
                .filter(n -> n.kind() == NotificationKind.REQUEST_RECEIVED)
                .findFirst()
                .orElseThrow();
        assertThat(received.message().text())
                .contains(sent.reference().toString(), "Autorisation de terrasse", "15 janvier 2026");
        assertThat(received.attachments()).singleElement().satisfies(a -> {
            assertThat(a.contentType()).isEqualTo("text/html");
            assertThat(new String(a.content(), StandardCharsets.UTF_8))
                    .isEqualTo(sent.acknowledgment().html());
        });
        Notification complement = history.stream()
                .filter(n -> n.kind() == NotificationKind.COMPLEMENT_REQUESTED)
                .findFirst()
                .orElseThrow();
        assertThat(complement.message().text()).contains("- Plan de la terrasse", "16 février 2026");
        assertThat(inbox.unreadCount(commune, claire)).isEqualTo(2);
    }

    @Test
    void withoutStoredPreferencesTheUsagersContactDecides() {
        UsagerId leo = core.ids().newUsagerId();
        core.usagers()
                .save(Person.declared(
                        leo,
                        commune,
                        "Durand",
                        List.of("Léo"),
                        new Contact(
                                org.opengru.core.usager.Attested.declared(
                                        EmailAddress.parse("leo@exemple.fr"), clock.instant()),
                                null,
                                null,
                                Set.of(org.opengru.core.usager.NotificationChannel.EMAIL),
                                clock.instant()),
                        clock.instant()));
        NotificationService withContacts = NotificationService.builder(clock, outbox)
                .usagers(core.usagers())
                .build();
        withContacts.enqueue(new UsagerNotice(
                org.opengru.core.id.EventId.of(UUID.randomUUID()),
                commune,
                leo,
                NotificationKind.DOCUMENT_EXPIRING,
                clock.instant(),
                java.util.Map.of("documentName", "Justificatif de domicile", "expiresOn", "1 avril"),
                List.of()));
        OutboxRelay.builder(outbox, clock)
                .subscriber(withContacts.subscriber())
                .build()
                .drain();
        Notification n = withContacts.history(commune, leo, null, 1).get(0);
        assertThat(n.chain())
                .containsExactly(
                        org.opengru.core.usager.NotificationChannel.EMAIL,
                        org.opengru.core.usager.NotificationChannel.PORTAL);
        assertThat(n.email()).isEqualTo(EmailAddress.parse("leo@exemple.fr"));
    }

    @Test
    void requestEventsReadFromTheOutboxBecomeNoticesOnce() {
        List<DomainEvent> events = new ArrayList<>();
        core.events().subscribeAll(events::add);
        Request sent = submit();
        core.requests().startReview(agent, sent.id(), null);
        core.requests().accept(agent, sent.id(), null);
        // What the PostgreSQL request store writes with each change: {"event": …, "request": …}.
        JsonMapper json = JsonMapper.builder().build();
        long id = 1;
        for (DomainEvent e : events) {
            ObjectNode payload = json.createObjectNode();
            payload.set("event", json.valueToTree(e));
            OutboxRecord record = new OutboxRecord(
                    id++,
                    NotificationService.SUBSCRIBER,
                    new OutboxMessage(
                            e.eventId(),
                            e.tenant(),
                            "request",
                            sent.id().toString(),
                            e.type(),
                            e.occurredAt(),
                            json.writeValueAsString(payload)),
                    id,
                    OutboxStatus.PENDING,
                    0,
                    clock.instant(),
                    null,
                    null);
            assertThat(notifications.subscriber().deliver(record).delivered()).isTrue();
            assertThat(notifications.subscriber().deliver(record).delivered()).isTrue(); // redelivered: at least once
        }
        pump();
        List<Notification> history = notifications.history(commune, claire, null, 10);
        assertThat(history)
                .extracting(Notification::kind)
                .containsExactlyInAnyOrder(NotificationKind.REQUEST_RECEIVED, NotificationKind.DECISION);
        Notification decision = history.stream()
                .filter(n -> n.kind() == NotificationKind.DECISION)
                .findFirst()
                .orElseThrow();
        assertThat(decision.message().text()).contains("acceptée", "recours");
        assertThat(UUID.fromString(decision.request().toString()))
                .isEqualTo(sent.id().value());
    }
}
