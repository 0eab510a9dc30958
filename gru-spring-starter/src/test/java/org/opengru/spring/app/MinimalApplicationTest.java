package org.opengru.spring.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.opengru.core.catalogue.FormData;
import org.opengru.core.catalogue.Procedure;
import org.opengru.core.catalogue.ProcedureCode;
import org.opengru.core.catalogue.ProcedureStore;
import org.opengru.core.id.AgentId;
import org.opengru.core.id.IdGenerator;
import org.opengru.core.id.TeamId;
import org.opengru.core.id.UsagerId;
import org.opengru.core.idempotency.IdempotencyKey;
import org.opengru.core.intake.Channel;
import org.opengru.core.principal.AgentPrincipal;
import org.opengru.core.principal.Principal;
import org.opengru.core.principal.UsagerPrincipal;
import org.opengru.core.request.ActionInput;
import org.opengru.core.request.NewRequest;
import org.opengru.core.request.ProvidedPiece;
import org.opengru.core.request.Request;
import org.opengru.core.request.RequestService;
import org.opengru.core.request.RequestStatus;
import org.opengru.core.request.RequestStore;
import org.opengru.core.tenancy.TenantId;
import org.opengru.core.usager.Contact;
import org.opengru.core.usager.Person;
import org.opengru.core.usager.UsagerStore;
import org.opengru.core.webhook.WebhookSecret;
import org.opengru.core.webhook.WebhookSignatureException;
import org.opengru.core.webhook.WebhookSignatures;
import org.opengru.core.webhook.WebhookVerifier;
import org.opengru.documents.ingest.UploadRequest;
import org.opengru.documents.reuse.Attachment;
import org.opengru.documents.reuse.PieceReuse;
import org.opengru.documents.reuse.ReusePlan;
import org.opengru.documents.types.DocumentFacts;
import org.opengru.documents.types.DocumentTypes;
import org.opengru.documents.vault.Document;
import org.opengru.documents.vault.DocumentVault;
import org.opengru.documents.vault.Download;
import org.opengru.scheduling.availability.Slot;
import org.opengru.scheduling.booking.BookingRequest;
import org.opengru.scheduling.booking.BookingResult;
import org.opengru.scheduling.booking.BookingService;
import org.opengru.scheduling.model.ServiceId;
import org.opengru.scheduling.model.SiteId;
import org.opengru.spring.TestTenant;
import org.opengru.spring.jobs.GruJobs;
import org.opengru.spring.storage.GruStorage;
import org.opengru.test.postgres.EmbeddedPostgresExtension;
import org.opengru.test.postgres.PostgresDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The minimal application (no code, the starter and {@code minimal-app/application.yaml}) started on
 * embedded PostgreSQL: a request goes from submission to decision, a slot is booked and a document stored,
 * all in the database through the beans the starter defines.
 */
@SpringBootTest(
        classes = MinimalApplication.class,
        properties = "spring.config.location=classpath:minimal-app/application.yaml")
@Import({MinimalApplicationTest.FixedClock.class, Cantine.class})
@DirtiesContext
class MinimalApplicationTest {

    private static final EmbeddedPostgresExtension.Server SERVER = EmbeddedPostgresExtension.startServer(false);
    private static final PostgresDatabase DATABASE = SERVER.createDatabase(MinimalApplicationTest.class);
    private static final Path DOCUMENTS;
    private static final String WEBHOOK_SECRET = "0123456789abcdef0123456789abcdef";
    /** The logiciel métier: verifies each signature and keeps the event types per request, in order. */
    private static final HttpServer ERP;

    private static final List<String> RECEIVED = new CopyOnWriteArrayList<>();
    /** The signature header and body of each accepted delivery. */
    private static final List<Map.Entry<String, byte[]>> SIGNED = new CopyOnWriteArrayList<>();

    static {
        try {
            DOCUMENTS = Files.createTempDirectory("opengru-minimal-app");
            WebhookVerifier verifier =
                    WebhookVerifier.of(TestTenant.CLOCK, Duration.ofMinutes(5), WebhookSecret.of(WEBHOOK_SECRET));
            ERP = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            ERP.createContext("/hook", ex -> {
                byte[] body = ex.getRequestBody().readAllBytes();
                try {
                    String signature = ex.getRequestHeaders().getFirst(WebhookSignatures.SIGNATURE_HEADER);
                    verifier.verify(signature, body);
                    SIGNED.add(Map.entry(signature, body));
                    RECEIVED.add(ex.getRequestHeaders().getFirst(WebhookSignatures.EVENT_TYPE_HEADER) + " "
                            + new String(body, java.nio.charset.StandardCharsets.UTF_8));
                    ex.sendResponseHeaders(204, -1);
                } catch (RuntimeException e) {
                    ex.sendResponseHeaders(401, -1);
                }
                ex.close();
            });
            ERP.start();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", DATABASE::jdbcUrl);
        registry.add("spring.datasource.username", DATABASE::user);
        registry.add("spring.datasource.password", () -> "");
        registry.add("DB_PASSWORD", () -> "");
        registry.add("GRU_MASTER_KEY", () -> "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
        registry.add("gru.documents.storage-path", DOCUMENTS::toString);
        registry.add(
                "gru.webhooks.logiciel-metier.url",
                () -> "http://127.0.0.1:" + ERP.getAddress().getPort() + "/hook");
        registry.add("gru.webhooks.logiciel-metier.secret", () -> WEBHOOK_SECRET);
    }

    static {
        // After the Spring context (closed by @DirtiesContext, jobs thread included), not before it.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            ERP.stop(0);
            try {
                SERVER.close();
            } catch (IOException e) {
                // The JVM is ending anyway.
            }
        }));
    }

    /** The only test-specific bean: a fixed clock, so that the booked slot is in the future. */
    @TestConfiguration
    static class FixedClock {
        @Bean
        Clock clock() {
            return TestTenant.CLOCK;
        }
    }

    @Autowired
    GruStorage storage;

    @Autowired
    RequestService requests;

    @Autowired
    RequestStore requestStore;

    @Autowired
    UsagerStore usagers;

    @Autowired
    BookingService bookings;

    @Autowired
    DocumentVault vault;

    @Autowired
    DataSource dataSource;

    @Autowired
    GruJobs jobs;

    @Test
    void aRequestGoesFromSubmissionToDecisionInPostgres() throws Exception {
        assertThat(storage.isJdbc()).isTrue();
        Request decided = TestTenant.submitToDecision(requests, usagers);
        assertThat(decided.status()).isEqualTo(RequestStatus.ACCEPTED);
        assertThat(requestStore.history(TestTenant.TENANT, decided.id()))
                .extracting(h -> h.to())
                .containsExactly(
                        RequestStatus.DRAFT, RequestStatus.SUBMITTED, RequestStatus.IN_REVIEW, RequestStatus.ACCEPTED);
        assertThat(count("SELECT count(*) FROM gru_request WHERE id = '"
                        + decided.id().value() + "'"))
                .isEqualTo(1);
    }

    @Test
    void aSlotIsBookedOnceInPostgres() throws Exception {
        LocalDate tuesday = LocalDate.of(2026, 3, 3);
        List<Slot> slots = bookings.availability(
                TestTenant.TENANT, SiteId.of("mairie"), ServiceId.of("passeport"), tuesday, tuesday, 1);
        assertThat(slots).isNotEmpty();
        var resident = TestTenant.resident(usagers);
        BookingResult result = bookings.book(BookingRequest.online(
                TestTenant.TENANT,
                SiteId.of("mairie"),
                ServiceId.of("passeport"),
                slots.get(1).start(),
                resident.usager()));
        assertThat(result).isInstanceOf(BookingResult.Booked.class);
        assertThat(bookings.availability(
                        TestTenant.TENANT, SiteId.of("mairie"), ServiceId.of("passeport"), tuesday, tuesday, 1))
                .doesNotContain(slots.get(1));
    }

    @Test
    void aDocumentIsStoredEncryptedWithItsMetadataInPostgres() throws Exception {
        var resident = TestTenant.resident(usagers);
        Document stored = TestTenant.storeDocument(vault, resident);
        try (Download download = vault.download(resident, stored.id(), 1)) {
            assertThat(download.content().readAllBytes()).isEqualTo(TestTenant.png());
        }
        assertThat(vault.vaultOf(resident, resident.usager()))
                .extracting(Document::id)
                .contains(stored.id());
        try (var files = Files.walk(DOCUMENTS)) {
            assertThat(files.filter(Files::isRegularFile).count()).isPositive();
        }
    }

    @Test
    void theJobsDeliverEveryEventOfARequestAsASignedWebhook() {
        assertThat(jobs.isRunning()).isTrue();
        Request decided = TestTenant.submitToDecision(requests, usagers);
        // The scheduler's own thread may hold some deliveries (SKIP LOCKED): run the jobs here too and wait
        // for the outcome, bounded.
        List<String> ofThisRequest = List.of();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (ofThisRequest.size() < 5 && System.nanoTime() < deadline) {
            jobs.runAllOnce();
            ofThisRequest = RECEIVED.stream()
                    .filter(e -> e.contains(decided.id().toString()))
                    .map(e -> e.substring(0, e.indexOf(' ')))
                    .toList();
            java.util.concurrent.locks.LockSupport.parkNanos(
                    Duration.ofMillis(50).toNanos());
        }
        // Every event of the request, each signature verified by the receiver, in order.
        assertThat(ofThisRequest)
                .containsExactly(
                        "RequestCreated",
                        "RequestSubmitted",
                        "RequestStatusChanged",
                        "RequestStatusChanged",
                        "RequestStatusChanged");
        assertThat(RECEIVED).allSatisfy(e -> assertThat(e).doesNotStartWith("null"));
        // The receiver's check is real: the same deliveries fail under another secret or with an edited body.
        WebhookVerifier other = WebhookVerifier.of(
                TestTenant.CLOCK, Duration.ofMinutes(5), WebhookSecret.of("another-secret-of-32-characters!"));
        WebhookVerifier right =
                WebhookVerifier.of(TestTenant.CLOCK, Duration.ofMinutes(5), WebhookSecret.of(WEBHOOK_SECRET));
        Map.Entry<String, byte[]> first = SIGNED.get(0);
        assertThatThrownBy(() -> other.verify(first.getKey(), first.getValue()))
                .isInstanceOf(WebhookSignatureException.class);
        byte[] edited = first.getValue().clone();
        edited[edited.length / 2] ^= 1;
        assertThatThrownBy(() -> right.verify(first.getKey(), edited)).isInstanceOf(WebhookSignatureException.class);
    }

    @Autowired
    Cantine cantine;

    /** docs/spring-boot.md, "A first application": the services injected into the application's own bean. */
    @Test
    void anApplicationBeanFilesThroughTheInjectedServices() {
        Request filed = cantine.file(
                TestTenant.resident(usagers), FormData.of("enfant", "Léo Martin", "ecole", "École Jules-Ferry"));
        assertThat(filed.status()).isEqualTo(RequestStatus.SUBMITTED);
        assertThat(filed.acknowledgment()).isNotNull();
    }

    @Autowired
    IdGenerator ids;

    @Autowired
    Clock clock;

    @Autowired
    PieceReuse reuse;

    @Autowired
    ProcedureStore procedures;

    /** docs/getting-started.md, 1.3: filing and deciding a request through the starter's beans. */
    @Test
    void theGettingStartedRequestRunsAsWritten() {
        String formToken = UUID.randomUUID().toString();
        // tag::request[]
        TenantId commune = TenantId.of("saint-martin");
        UsagerId id = ids.newUsagerId();
        usagers.save(Person.declared(id, commune, "Martin", List.of("Claire"), Contact.none(), clock.instant()));
        UsagerPrincipal claire = Principal.usager(commune, id);

        FormData answers = FormData.of("enfant", "Léo Martin", "ecole", "École Jules-Ferry");
        Request draft = requests.create(
                claire,
                NewRequest.of("inscription-cantine", id, Channel.WEB, answers),
                IdempotencyKey.of("form-" + formToken));
        draft = requests.edit(claire, draft.id(), ActionInput.content(answers, List.of()), null);
        Request submitted = requests.submit(claire, draft.id(), null);
        String receipt = requests.acknowledgment(claire, submitted.id()).html(); // the accusé de réception

        AgentPrincipal agent = Principal.agent(commune, AgentId.of("jdupont"), Set.of(TeamId.of("enfance")));
        requests.startReview(agent, submitted.id(), null);
        requests.accept(agent, submitted.id(), null);
        // end::request[]
        assertThat(receipt).contains(submitted.reference().toString());
        assertThat(requestStore.find(commune, submitted.id()).orElseThrow().status())
                .isEqualTo(RequestStatus.ACCEPTED);
    }

    /** docs/getting-started.md, 1.3: booking a slot through the starter's beans. */
    @Test
    void theGettingStartedBookingRunsAsWritten() {
        TenantId commune = TestTenant.TENANT;
        UsagerId id = TestTenant.resident(usagers).usager();
        LocalDate from = LocalDate.of(2026, 3, 3);
        LocalDate to = from.plusDays(7);
        // tag::booking[]
        List<Slot> slots = bookings.availability(commune, SiteId.of("mairie"), ServiceId.of("passeport"), from, to, 1);
        BookingResult result = bookings.book(BookingRequest.online(
                commune,
                SiteId.of("mairie"),
                ServiceId.of("passeport"),
                slots.get(0).start(),
                id));
        if (result instanceof BookingResult.Booked booked) {
            String cancelLink = "https://mairie.example/rendez-vous/"
                    + booked.booking().id() + "/annulation?jeton=" + booked.cancelToken(); // given once: e-mail it
        }
        // end::booking[]
        assertThat(result).isInstanceOf(BookingResult.Booked.class);
    }

    /** docs/getting-started.md, 1.3: storing a document and reusing it, with consent, through the beans. */
    @Test
    void theGettingStartedDocumentReuseRunsAsWritten() {
        TenantId commune = TestTenant.TENANT;
        UsagerPrincipal claire = TestTenant.resident(usagers);
        UsagerId id = claire.usager();
        FormData answers = FormData.of("enfant", "Léo Martin", "ecole", "École Jules-Ferry");
        Request draft = requests.create(claire, NewRequest.of("inscription-cantine", id, Channel.WEB, answers), null);
        byte[] png = TestTenant.png();
        String fileName = "facture-edf.png";
        long size = png.length;
        InputStream inputStream = new ByteArrayInputStream(png);
        LocalDate issueDate =
                LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(10);
        // tag::documents[]
        Document proof = vault.upload(
                claire,
                id,
                DocumentTypes.PROOF_OF_ADDRESS,
                DocumentFacts.issued(issueDate),
                Channel.WEB,
                UploadRequest.of(fileName).withDeclaredSize(size),
                inputStream);
        Procedure procedure = procedures
                .latest(commune, ProcedureCode.of("inscription-cantine"))
                .orElseThrow();
        ReusePlan plan = reuse.plan(claire, id, procedure.piecesFor(answers)); // what the vault already covers
        reuse.consent(claire, id, draft.id(), procedure.code(), Set.of(proof.id()), Channel.WEB);
        // Attached by reference, not copied; the request then lists it among its pieces.
        Attachment a = reuse.attach(claire, draft.id(), DocumentTypes.PROOF_OF_ADDRESS, proof.id());
        requests.edit(
                claire,
                draft.id(),
                ActionInput.content(
                        answers, List.of(new ProvidedPiece(DocumentTypes.PROOF_OF_ADDRESS, a.documentRef()))),
                null);
        // end::documents[]
        assertThat(plan.missing()).isEmpty();
        assertThat(a.documentRef()).isEqualTo("document:" + proof.id() + "/v1");
        assertThat(requestStore.find(commune, draft.id()).orElseThrow().pieces())
                .extracting(ProvidedPiece::documentRef)
                .containsExactly(a.documentRef());
    }

    private long count(String sql) throws Exception {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
