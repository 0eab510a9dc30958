package org.opengru.test.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.opengru.core.GruCore;
import org.opengru.core.audit.AuditTrail;
import org.opengru.core.catalogue.FormData;
import org.opengru.core.catalogue.ProcedureDefinitions;
import org.opengru.core.id.AgentId;
import org.opengru.core.id.TeamId;
import org.opengru.core.id.UsagerId;
import org.opengru.core.intake.Channel;
import org.opengru.core.outbox.Outbox;
import org.opengru.core.outbox.OutboxRelay;
import org.opengru.core.outbox.OutboxStatus;
import org.opengru.core.outbox.RecordingRequestStore;
import org.opengru.core.principal.Principal;
import org.opengru.core.principal.UsagerPrincipal;
import org.opengru.core.request.NewRequest;
import org.opengru.core.request.Request;
import org.opengru.core.request.RequestStore;
import org.opengru.core.tenancy.Team;
import org.opengru.core.tenancy.TenantId;
import org.opengru.core.timeline.TimelineStore;
import org.opengru.core.usager.Contact;
import org.opengru.core.usager.Person;
import org.opengru.core.value.EmailAddress;
import org.opengru.core.value.PhoneNumber;
import org.opengru.core.value.PostalAddress;
import org.opengru.core.webhook.WebhookEndpoint;
import org.opengru.core.webhook.WebhookSecret;
import org.opengru.core.webhook.WebhookSender;
import org.opengru.core.webhook.WebhookVerifier;
import org.opengru.test.MutableClock;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The embedded mode (in-memory stores) also audits, keeps the timeline and feeds the webhook. */
class EmbeddedModeOutboxTest {

    @Test
    void aRequestsLifecycleReachesTheLogicielMetierSignedAndInOrder() throws Exception {
        MutableClock clock = new MutableClock(java.time.Instant.parse("2026-01-15T09:30:00Z"));
        WebhookSecret secret = WebhookSecret.of("embedded-mode-secret-of-at-least-32-bytes");
        WebhookVerifier verifier = WebhookVerifier.of(clock, Duration.ofMinutes(5), secret);
        List<JsonNode> received = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hook", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            verifier.verify(exchange.getRequestHeaders().getFirst("OpenGRU-Signature"), body);
            received.add(JsonMapper.builder().build().readTree(new String(body, StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        try {
            AuditTrail audit = AuditTrail.inMemory();
            TimelineStore timeline = TimelineStore.inMemory();
            Outbox outbox = Outbox.inMemory(clock, Set.of("logiciel-metier"));
            GruCore core = GruCore.builder()
                    .clock(clock)
                    .requestStore(new RecordingRequestStore(RequestStore.inMemory(), audit, timeline, outbox))
                    .build();
            TenantId tenant = TenantId.of("commune-embedded");
            core.teams()
                    .save(new Team(
                            tenant,
                            TeamId.of("voirie"),
                            "Voirie",
                            PostalAddress.france(List.of("1 place de la Mairie"), "69100", "Villeurbanne"),
                            EmailAddress.parse("voirie@mairie.example.fr"),
                            PhoneNumber.parse("04 78 03 67 67")));
            core.procedures().define(tenant, new ProcedureDefinitions().fromJson(GruCoreStoresContract.TERRACE));
            UsagerId claire = core.ids().newUsagerId();
            core.usagers()
                    .save(Person.declared(
                            claire, tenant, "Martin", List.of("Claire"), Contact.none(), clock.instant()));
            UsagerPrincipal me = Principal.usager(tenant, claire);
            var agent = Principal.agent(tenant, AgentId.of("jdupont"), Set.of(TeamId.of("voirie")));

            Request draft = core.requests()
                    .create(
                            me,
                            NewRequest.of("autorisation-terrasse", claire, Channel.WEB, FormData.of("surface", 9)),
                            null);
            core.requests().submit(me, draft.id(), null);
            core.requests().startReview(agent, draft.id(), null);
            core.requests().accept(agent, draft.id(), null);

            OutboxRelay relay = OutboxRelay.builder(outbox, clock)
                    .subscriber(WebhookSender.create(
                            WebhookEndpoint.of(
                                    "logiciel-metier",
                                    URI.create("http://127.0.0.1:"
                                            + server.getAddress().getPort() + "/hook"),
                                    secret),
                            clock))
                    .build();
            relay.drain();

            assertThat(outbox.count(OutboxStatus.DELIVERED)).isEqualTo(received.size());
            assertThat(received).hasSizeGreaterThanOrEqualTo(4);
            for (int i = 0; i < received.size(); i++) {
                assertThat(received.get(i).get("sequence").asLong())
                        .as("in order")
                        .isEqualTo(i + 1L);
            }
            assertThat(received.get(received.size() - 1)
                            .get("data")
                            .get("request")
                            .get("status")
                            .asString())
                    .isEqualTo("ACCEPTED");
            assertThat(audit.entries(tenant, draft.id())).hasSize(4);
            assertThat(audit.verify(tenant, draft.id()).valid()).isTrue();
            assertThat(timeline.all(tenant, claire)).hasSize(4);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void runsTheStoresContractToo() {
        // The recording wrapper changes nothing of the store's behaviour.
        new InMemoryGruCoreStoresContractTest() {
            @Override
            protected GruCore core() {
                return GruCore.builder()
                        .clock(clock)
                        .requestStore(new RecordingRequestStore(
                                RequestStore.inMemory(),
                                AuditTrail.inMemory(),
                                TimelineStore.inMemory(),
                                Outbox.inMemory(clock, Set.of("a"))))
                        .build();
            }
        }.runsARequestThroughItsLifecycleWithIdempotentCommandsAndExchanges();
    }
}
