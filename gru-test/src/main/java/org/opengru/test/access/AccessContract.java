package org.opengru.test.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.opengru.core.GruCore;
import org.opengru.core.catalogue.DocumentTypeCode;
import org.opengru.core.catalogue.FormData;
import org.opengru.core.catalogue.ProcedureCode;
import org.opengru.core.catalogue.ProcedureDefinitions;
import org.opengru.core.catalogue.RequiredPiece;
import org.opengru.core.contact.ContactId;
import org.opengru.core.contact.ContactLog;
import org.opengru.core.contact.ContactRecord;
import org.opengru.core.contact.ContactService;
import org.opengru.core.contact.ContactStatus;
import org.opengru.core.contact.Direction;
import org.opengru.core.error.AccessDeniedException;
import org.opengru.core.error.NotFoundException;
import org.opengru.core.exchange.ExchangeService;
import org.opengru.core.exchange.ExchangeStore;
import org.opengru.core.exchange.Message;
import org.opengru.core.exchange.Visibility;
import org.opengru.core.id.AgentId;
import org.opengru.core.id.EventId;
import org.opengru.core.id.IdGenerator;
import org.opengru.core.id.ReferenceSequence;
import org.opengru.core.id.RequestId;
import org.opengru.core.id.TeamId;
import org.opengru.core.id.UsagerId;
import org.opengru.core.idempotency.IdempotencyKey;
import org.opengru.core.intake.Channel;
import org.opengru.core.outbox.RequestDeliveries;
import org.opengru.core.principal.AgentPrincipal;
import org.opengru.core.principal.Principal;
import org.opengru.core.principal.UsagerPrincipal;
import org.opengru.core.proof.DataProof;
import org.opengru.core.proof.DataProofProvider;
import org.opengru.core.request.ActionInput;
import org.opengru.core.request.NewRequest;
import org.opengru.core.request.Request;
import org.opengru.core.request.RequestAction;
import org.opengru.core.request.RequestQuery;
import org.opengru.core.request.RequestService;
import org.opengru.core.request.RequestStore;
import org.opengru.core.request.WorkQueuePage;
import org.opengru.core.request.WorkQueueQuery;
import org.opengru.core.satisfaction.SatisfactionService;
import org.opengru.core.satisfaction.SatisfactionStore;
import org.opengru.core.satisfaction.SurveyInvitation;
import org.opengru.core.satisfaction.SurveyOccasion;
import org.opengru.core.tenancy.Team;
import org.opengru.core.tenancy.TeamDirectory;
import org.opengru.core.tenancy.TenantId;
import org.opengru.core.usager.Contact;
import org.opengru.core.usager.MandateStore;
import org.opengru.core.usager.Person;
import org.opengru.core.usager.Representations;
import org.opengru.core.usager.UsagerStore;
import org.opengru.core.value.EmailAddress;
import org.opengru.core.value.PhoneNumber;
import org.opengru.core.value.PostalAddress;
import org.opengru.documents.crypto.EnvelopeEncryption;
import org.opengru.documents.crypto.StaticKeyProvider;
import org.opengru.documents.ingest.DocumentIngestor;
import org.opengru.documents.ingest.UploadRequest;
import org.opengru.documents.reuse.PieceReuse;
import org.opengru.documents.scan.VirusScanner;
import org.opengru.documents.storage.BlobStore;
import org.opengru.documents.store.DocumentStore;
import org.opengru.documents.types.DocumentFacts;
import org.opengru.documents.types.DocumentTypes;
import org.opengru.documents.vault.Document;
import org.opengru.documents.vault.DocumentVault;
import org.opengru.documents.vault.RequestVisibility;
import org.opengru.scheduling.booking.Booking;
import org.opengru.scheduling.booking.BookingPolicy;
import org.opengru.scheduling.booking.BookingRejectedException;
import org.opengru.scheduling.booking.BookingRequest;
import org.opengru.scheduling.booking.BookingResult;
import org.opengru.scheduling.booking.BookingService;
import org.opengru.scheduling.booking.BookingStore;
import org.opengru.scheduling.booking.RateLimiter;
import org.opengru.scheduling.booking.SiteDirectory;
import org.opengru.scheduling.booking.WaitingListStore;
import org.opengru.test.MutableClock;
import org.opengru.test.scheduling.SchedulingFixture;

/**
 * The access contract of the services' public API: every public method of {@link RequestService},
 * {@link ExchangeService}, {@link ContactService}, {@link RequestDeliveries}, {@link SatisfactionService},
 * {@link DocumentVault},
 * {@link PieceReuse} and {@link BookingService} that acts on an aggregate is run, on a fixture owned by
 * the usager Alice, as each foreign principal: another usager of her collectivité, an agent of another
 * team, an agent and an usager (with Alice's own id) of another collectivité, and the system where the
 * method does not document it. Each call must be refused with a typed refusal ({@link
 * AccessDeniedException}, or {@link NotFoundException} where the object does not exist for the caller,
 * such as in another collectivité) and leave every store as it was.
 *
 * <p>Every public method of those classes has a row here or an exemption with its reason: a new method
 * without one fails {@link #everyPublicMethodHasARowOrAnExemption()}. Run it over your own adapters by
 * implementing {@link #newStores}.
 */
public abstract class AccessContract {

    /** Alice's collectivité (the scheduling fixture's, whose site it uses). */
    protected static final TenantId TENANT = SchedulingFixture.TENANT;

    protected static final TenantId OTHER_TENANT = TenantId.of("commune-75056");
    protected static final TeamId OWNING_TEAM = SchedulingFixture.TEAM;
    protected static final TeamId OTHER_TEAM = TeamId.of("urbanisme");

    /** The stores under test, empty or holding only other tests' collectivités. */
    protected record Stores(
            RequestStore requests,
            ExchangeStore exchanges,
            UsagerStore usagers,
            MandateStore mandates,
            TeamDirectory teams,
            org.opengru.core.catalogue.ProcedureStore procedures,
            ReferenceSequence references,
            ContactLog contacts,
            SatisfactionStore satisfaction,
            DocumentStore documents,
            BookingStore bookings) {}

    protected abstract Stores newStores(MutableClock clock);

    private static final String PROCEDURE = """
            {"code": "acte-etat-civil", "version": 1, "title": "Demande d'acte d'état civil",
             "team": "%s", "openTo": ["PERSON"], "retention": "P5Y", "implicitDecision": {"decision": "REJECTION"},
             "schema": [{"name": "acte", "label": "Acte", "type": "TEXT", "required": true}]}
            """.formatted(OWNING_TEAM.value());

    /** A whole one-page PDF: the vault refuses one without a page. */
    private static final byte[] PDF = ("%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
                    + "2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n"
                    + "3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>\nendobj\n"
                    + "trailer\n<< /Root 1 0 R >>\n%%EOF\n")
            .getBytes(StandardCharsets.US_ASCII);

    private MutableClock clock;
    private Stores stores;
    private GruCore core;
    private ContactService contacts;
    private RequestDeliveries deliveries;
    private SatisfactionService satisfaction;
    private DocumentVault vault;
    private PieceReuse reuse;
    private BookingService bookings;

    // Alice's fixture.
    private UsagerId alice;
    private UsagerPrincipal aliceActs;
    private AgentPrincipal owningAgent;
    private Request request;
    private Message message;
    private Document document;
    private Booking booking;
    private Booking hold;
    private ContactRecord contact;
    private SurveyInvitation invitation;
    private final WaitingListStore waitingList = WaitingListStore.inMemory();

    /** The foreign principals, by name. */
    private final Map<String, Principal> foreign = new LinkedHashMap<>();

    @BeforeEach
    void setUpFixture() {
        clock = new MutableClock(SchedulingFixture.MONDAY_9AM);
        stores = newStores(clock);
        core = GruCore.builder()
                .clock(clock)
                .requestStore(stores.requests())
                .exchangeStore(stores.exchanges())
                .usagerStore(stores.usagers())
                .mandateStore(stores.mandates())
                .teamDirectory(stores.teams())
                .procedureStore(stores.procedures())
                .referenceSequence(stores.references())
                .build();
        IdGenerator ids = core.ids();
        contacts = new ContactService(stores.contacts(), stores.requests(), stores.usagers(), clock, ids);
        deliveries = new RequestDeliveries(
                org.opengru.core.outbox.Outbox.inMemory(clock, Set.of("logiciel-metier")), core.requests(), clock);
        satisfaction = new SatisfactionService(stores.satisfaction(), clock, ids, java.time.Duration.ofDays(30));
        Representations representations = new Representations(stores.usagers(), stores.mandates());
        vault = DocumentVault.builder()
                .clock(clock)
                .ids(ids)
                .store(stores.documents())
                .ingestor(DocumentIngestor.builder()
                        .blobStore(BlobStore.inMemory())
                        .encryption(new EnvelopeEncryption(StaticKeyProvider.generated("access")))
                        .scanner(VirusScanner.unscanned())
                        .build())
                .representations(representations)
                .requestVisibility(RequestVisibility.of(core.requestStore(), core.accessPolicy()))
                .events(core.events())
                .build();
        reuse = new PieceReuse(vault, DataProofProvider.none(), clock, ids, core.events());
        bookings = new BookingService(
                stores.bookings(),
                SiteDirectory.of(List.of(SchedulingFixture.setup())),
                BookingPolicy.defaults(),
                clock,
                ids,
                RateLimiter.unlimited(),
                waitingList,
                core.events());

        for (TeamId team : List.of(OWNING_TEAM, OTHER_TEAM)) {
            core.teams()
                    .save(new Team(
                            TENANT,
                            team,
                            "Service " + team.value(),
                            PostalAddress.france(List.of("1 place de la Mairie"), "69100", "Villeurbanne"),
                            EmailAddress.parse(team.value() + "@mairie.example.fr"),
                            PhoneNumber.parse("04 78 03 67 67")));
        }
        if (core.procedures()
                .latest(TENANT, ProcedureCode.of("acte-etat-civil"))
                .isEmpty()) {
            core.procedures().define(TENANT, new ProcedureDefinitions().fromJson(PROCEDURE)); // a shared database
        }
        alice = person(TENANT, "Martin");
        UsagerId bob = person(TENANT, "Durand");
        aliceActs = Principal.usager(TENANT, alice);
        owningAgent = Principal.agent(TENANT, AgentId.of("jdupont"), Set.of(OWNING_TEAM));
        foreign.put(ANOTHER_USAGER, Principal.usager(TENANT, bob));
        foreign.put(OTHER_TEAM_AGENT, Principal.agent(TENANT, AgentId.of("mleroy"), Set.of(OTHER_TEAM)));
        foreign.put(OTHER_TENANT_AGENT, Principal.agent(OTHER_TENANT, AgentId.of("jdupont"), Set.of(OWNING_TEAM)));
        foreign.put(ALICE_ELSEWHERE, Principal.usager(OTHER_TENANT, alice));
        foreign.put(SYSTEM, Principal.system(TENANT, "access-contract"));

        Request draft = core.requests()
                .create(
                        aliceActs,
                        NewRequest.of("acte-etat-civil", alice, Channel.WEB, FormData.of("acte", "naissance")),
                        null);
        request = core.requests().submit(aliceActs, draft.id(), null);
        message = core.exchanges()
                .post(owningAgent, request.id(), Visibility.SHARED, "Bonjour", List.of(), Channel.WEB, null);
        document = vault.upload(
                aliceActs,
                alice,
                DocumentTypes.PROOF_OF_ADDRESS,
                DocumentFacts.issued(LocalDate.of(2026, 5, 1)),
                Channel.WEB,
                UploadRequest.of("facture.pdf"),
                pdf());
        reuse.consent(
                aliceActs,
                alice,
                request.id(),
                ProcedureCode.of("acte-etat-civil"),
                Set.of(document.id()),
                Channel.WEB);
        reuse.attach(aliceActs, request.id(), DocumentTypes.PROOF_OF_ADDRESS, document.id());
        reuse.attachProof(aliceActs, alice, request.id(), proof());
        booking = ((BookingResult.Booked) bookings.book(BookingRequest.online(
                                TENANT,
                                SchedulingFixture.SITE,
                                SchedulingFixture.PASSPORT,
                                SchedulingFixture.at(1, 10, 0),
                                alice)
                        .withAntsNumber(SchedulingFixture.ANTS)))
                .booking();
        hold = ((BookingResult.Booked) bookings.hold(BookingRequest.online(
                        TENANT,
                        SchedulingFixture.SITE,
                        SchedulingFixture.CIVIL,
                        SchedulingFixture.at(2, 10, 0),
                        alice)))
                .booking();
        contact = stores.contacts()
                .add(new ContactRecord(
                        new ContactId(ids.nextUuid()),
                        TENANT,
                        alice,
                        null,
                        Channel.EMAIL,
                        Direction.INBOUND,
                        "Question",
                        "Une question sur mon acte",
                        null,
                        clock.instant(),
                        clock.instant(),
                        ContactStatus.TO_TRIAGE,
                        "aucune demande citée",
                        List.of(),
                        null));
        invitation = satisfaction.invite(
                TENANT, alice, SurveyOccasion.REQUEST_DECIDED, request.id().toString(), "acte-etat-civil", Channel.WEB);
    }

    private UsagerId person(TenantId tenant, String name) {
        UsagerId id = core.ids().newUsagerId();
        core.usagers().save(Person.declared(id, tenant, name, List.of("Claire"), Contact.none(), clock.instant()));
        return id;
    }

    private static InputStream pdf() {
        return new ByteArrayInputStream(PDF);
    }

    private DataProof proof() {
        return new DataProof(
                DocumentTypeCode.of("attestation-caf"),
                "API Particulier — CNAF",
                "Quotient familial : 734",
                clock.instant(),
                null,
                Map.of("quotient_familial", "734"));
    }

    // ---------------------------------------------------------------- the rows

    // The foreign principals' names.
    private static final String ANOTHER_USAGER = "another usager";
    private static final String OTHER_TEAM_AGENT = "an agent of another team";
    private static final String OTHER_TENANT_AGENT = "an agent of another collectivité";
    private static final String ALICE_ELSEWHERE = "the same usager id in another collectivité";
    private static final String SYSTEM = "the system";

    /**
     * One public method, run on Alice's fixture as {@code actor}; {@code allowed} names the principals it
     * lets in by design (so not tried as foreign).
     */
    private record Row(String method, Set<String> allowed, Function<Principal, @Nullable Object> call) {}

    private static Row row(String method, Function<Principal, @Nullable Object> call) {
        return new Row(method, Set.of(), call);
    }

    private static Row row(String method, Set<String> allowed, Function<Principal, @Nullable Object> call) {
        return new Row(method, allowed, call);
    }

    private static <P extends Principal> P as(Principal p, Class<P> type) {
        return type.cast(p);
    }

    private static UsagerId usagerOf(Principal p) {
        return ((UsagerPrincipal) p).usager();
    }

    private static IdempotencyKey key() {
        return IdempotencyKey.of("access-" + UUID.randomUUID());
    }

    private List<Row> rows() {
        RequestService requests = core.requests();
        ExchangeService exchanges = core.exchanges();
        RequestId id = request.id();
        Instant from = SchedulingFixture.at(0, 0, 0);
        Instant to = SchedulingFixture.at(7, 0, 0);
        List<RequiredPiece> pieces = List.of(RequiredPiece.of(DocumentTypes.PROOF_OF_ADDRESS, "Justificatif"));
        return List.of(
                // gru-core requests: the system acts on every request of its collectivité (deadline sweeper).
                row(
                        "RequestService.create(Principal,NewRequest,IdempotencyKey)",
                        a -> requests.create(
                                a,
                                NewRequest.of("acte-etat-civil", alice, Channel.WEB, FormData.of("acte", "décès")),
                                key())),
                row(
                        "RequestService.keyIn(Principal,NewRequest,List,String,IdempotencyKey)",
                        a -> requests.keyIn(
                                a,
                                NewRequest.of("acte-etat-civil", alice, Channel.COUNTER, FormData.of("acte", "décès")),
                                List.of(),
                                null,
                                key())),
                row(
                        "RequestService.perform(Principal,RequestId,RequestAction,ActionInput,IdempotencyKey)",
                        Set.of(SYSTEM),
                        a -> requests.perform(a, id, RequestAction.START_REVIEW, ActionInput.none(), key())),
                row(
                        "RequestService.edit(Principal,RequestId,ActionInput,IdempotencyKey)",
                        Set.of(SYSTEM),
                        a -> requests.edit(
                                a, id, ActionInput.content(FormData.of("acte", "mariage"), List.of()), key())),
                row(
                        "RequestService.submit(Principal,RequestId,IdempotencyKey)",
                        Set.of(SYSTEM),
                        a -> requests.submit(a, id, key())),
                row(
                        "RequestService.startReview(Principal,RequestId,IdempotencyKey)",
                        Set.of(SYSTEM),
                        a -> requests.startReview(a, id, key())),
                row(
                        "RequestService.requestComplement(Principal,RequestId,String,List,LocalDate,IdempotencyKey)",
                        Set.of(SYSTEM),
                        a -> requests.requestComplement(a, id, "pièce", List.of("justificatif"), null, key())),
                row(
                        "RequestService.provideComplement(Principal,RequestId,ActionInput,IdempotencyKey)",
                        Set.of(SYSTEM),
                        a -> requests.provideComplement(a, id, ActionInput.none(), key())),
                row(
                        "RequestService.accept(Principal,RequestId,IdempotencyKey)",
                        Set.of(SYSTEM),
                        a -> requests.accept(a, id, key())),
                row(
                        "RequestService.reject(Principal,RequestId,String,IdempotencyKey)",
                        Set.of(SYSTEM),
                        a -> requests.reject(a, id, "non", key())),
                row(
                        "RequestService.closeWithoutFollowUp(Principal,RequestId,String,IdempotencyKey)",
                        Set.of(SYSTEM),
                        a -> requests.closeWithoutFollowUp(a, id, "non", key())),
                row(
                        "RequestService.withdraw(Principal,RequestId,IdempotencyKey)",
                        Set.of(SYSTEM),
                        a -> requests.withdraw(a, id, key())),
                row(
                        "RequestService.reopen(Principal,RequestId,String,IdempotencyKey)",
                        Set.of(SYSTEM),
                        a -> requests.reopen(a, id, "erreur", key())),
                row("RequestService.get(Principal,RequestId)", Set.of(SYSTEM), a -> requests.get(a, id)),
                row(
                        "RequestService.getByReference(Principal,ShortReference)",
                        Set.of(SYSTEM),
                        a -> requests.getByReference(a, request.reference())),
                row("RequestService.list(Principal,RequestQuery)", a -> requests.list(a, RequestQuery.firstPage())),
                row(
                        "RequestService.workQueue(Principal,WorkQueueQuery)",
                        a -> requests.workQueue(a, WorkQueueQuery.builder().build())),
                row("RequestService.assign(Principal,RequestId,IdempotencyKey)", a -> requests.assign(a, id, key())),
                // Handing over to a colleague of the owning team: refused to anyone outside that team.
                row(
                        "RequestService.handOver(Principal,RequestId,AgentPrincipal,IdempotencyKey)",
                        a -> requests.handOver(
                                a, id, Principal.agent(TENANT, AgentId.of("pmartin"), Set.of(OWNING_TEAM)), key())),
                row("RequestService.history(Principal,RequestId)", Set.of(SYSTEM), a -> requests.history(a, id)),
                row(
                        "RequestService.acknowledgment(Principal,RequestId)",
                        Set.of(SYSTEM),
                        a -> requests.acknowledgment(a, id)),
                row(
                        "RequestService.submissionProblems(Principal,RequestId)",
                        Set.of(SYSTEM),
                        a -> requests.submissionProblems(a, id)),
                row(
                        "RequestService.permittedActions(Principal,RequestId)",
                        Set.of(SYSTEM),
                        a -> requests.permittedActions(a, id)),
                row(
                        "RequestService.permittedActions(Request,Principal)",
                        Set.of(SYSTEM),
                        a -> requests.permittedActions(request, a)),
                // gru-core exchanges: the thread of a request, as the request.
                row(
                        "ExchangeService.post(Principal,RequestId,Visibility,String,List,Channel,IdempotencyKey)",
                        Set.of(SYSTEM),
                        a -> exchanges.post(a, id, Visibility.SHARED, "Intrus", List.of(), Channel.WEB, key())),
                row("ExchangeService.thread(Principal,RequestId)", Set.of(SYSTEM), a -> exchanges.thread(a, id)),
                row(
                        "ExchangeService.markRead(Principal,MessageId)",
                        Set.of(SYSTEM),
                        a -> exchanges.markRead(a, message.id())),
                row(
                        "ExchangeService.receipts(Principal,MessageId)",
                        Set.of(SYSTEM),
                        a -> exchanges.receipts(a, message.id())),
                // gru-core contacts: the contact log is shared by the collectivité's agents (any team).
                row(
                        "ContactService.record(AgentPrincipal,Entry)",
                        Set.of(OTHER_TEAM_AGENT),
                        a -> contacts.record(
                                as(a, AgentPrincipal.class),
                                new ContactService.Entry(
                                        Channel.PHONE,
                                        Direction.INBOUND,
                                        null,
                                        id,
                                        "Appel",
                                        "Un appel au sujet de la demande d'Alice",
                                        clock.instant()))),
                // gru-core outbox: the pushes of a request's events, for agents of its team and the system.
                row("RequestDeliveries.of(Principal,RequestId)", Set.of(SYSTEM), a -> deliveries.of(a, id)),
                row(
                        "RequestDeliveries.retry(Principal,RequestId,EventId,String)",
                        Set.of(SYSTEM),
                        a -> deliveries.retry(a, id, EventId.of(UUID.randomUUID()), "logiciel-metier")),
                row(
                        "ContactService.triage(AgentPrincipal,ContactId,UsagerId,RequestId)",
                        Set.of(OTHER_TEAM_AGENT),
                        a -> contacts.triage(as(a, AgentPrincipal.class), contact.id(), alice, null)),
                row(
                        "SatisfactionService.answer(UsagerPrincipal,UUID,int,String)",
                        a -> satisfaction.answer(as(a, UsagerPrincipal.class), invitation.id(), 5, null)),
                // gru-documents: the vault is its owner's; agents see it only through their requests.
                // An agent uploads at the counter for any usager of the collectivité; Alice elsewhere owns
                // a vault of her own there.
                row(
                        "DocumentVault.upload(Principal,UsagerId,DocumentTypeCode,DocumentFacts,Channel,UploadRequest,InputStream)",
                        Set.of(OTHER_TEAM_AGENT, ALICE_ELSEWHERE),
                        a -> vault.upload(
                                a,
                                alice,
                                DocumentTypes.PROOF_OF_ADDRESS,
                                DocumentFacts.issued(LocalDate.of(2026, 5, 2)),
                                Channel.COUNTER,
                                UploadRequest.of("planted.pdf"),
                                pdf())),
                row(
                        "DocumentVault.uploadFor(Principal,UsagerId,RequestId,DocumentTypeCode,DocumentFacts,Channel,UploadRequest,InputStream)",
                        a -> vault.uploadFor(
                                a,
                                alice,
                                id,
                                DocumentTypes.PROOF_OF_ADDRESS,
                                DocumentFacts.issued(LocalDate.of(2026, 5, 2)),
                                Channel.COUNTER,
                                UploadRequest.of("planted.pdf"),
                                pdf())),
                row(
                        "DocumentVault.addVersion(Principal,DocumentId,DocumentFacts,Channel,UploadRequest,InputStream)",
                        a -> vault.addVersion(
                                a,
                                document.id(),
                                DocumentFacts.issued(LocalDate.of(2026, 5, 2)),
                                Channel.COUNTER,
                                UploadRequest.of("v2.pdf"),
                                pdf())),
                row("DocumentVault.vaultOf(Principal,UsagerId)", Set.of(ALICE_ELSEWHERE), a -> vault.vaultOf(a, alice)),
                row("DocumentVault.find(Principal,DocumentId)", a -> vault.find(a, document.id())),
                row(
                        "DocumentVault.verify(AgentPrincipal,DocumentId,int)",
                        a -> vault.verify(as(a, AgentPrincipal.class), document.id(), 1)),
                row(
                        "DocumentVault.reject(AgentPrincipal,DocumentId,int,String)",
                        a -> vault.reject(as(a, AgentPrincipal.class), document.id(), 1, "illisible")),
                row("DocumentVault.download(Principal,DocumentId,int)", a -> vault.download(a, document.id(), 1)),
                row("DocumentVault.erase(Principal,DocumentId)", a -> {
                    vault.erase(a, document.id());
                    return null;
                }),
                row(
                        "PieceReuse.plan(Principal,UsagerId,List)",
                        Set.of(ALICE_ELSEWHERE),
                        a -> reuse.plan(a, alice, pieces)),
                row(
                        "PieceReuse.plan(Principal,UsagerId,List,LocalDate)",
                        Set.of(ALICE_ELSEWHERE),
                        a -> reuse.plan(a, alice, pieces, LocalDate.of(2026, 6, 8))),
                // The foreign usager consents with his own document to Alice's request.
                row(
                        "PieceReuse.consent(Principal,UsagerId,RequestId,ProcedureCode,Set,Channel)",
                        a -> reuse.consent(
                                a,
                                a instanceof UsagerPrincipal u ? u.usager() : alice,
                                id,
                                ProcedureCode.of("acte-etat-civil"),
                                Set.of(),
                                Channel.WEB)),
                row(
                        "PieceReuse.attach(Principal,RequestId,DocumentTypeCode,DocumentId)",
                        a -> reuse.attach(
                                a,
                                id,
                                DocumentTypes.PROOF_OF_ADDRESS,
                                ownDocument(a).id())),
                row(
                        "PieceReuse.uploadAndAttach(Principal,UsagerId,RequestId,ProcedureCode,DocumentTypeCode,UploadRequest,InputStream,Channel)",
                        a -> reuse.uploadAndAttach(
                                a,
                                a instanceof UsagerPrincipal u ? u.usager() : alice,
                                id,
                                ProcedureCode.of("acte-etat-civil"),
                                DocumentTypes.PROOF_OF_ADDRESS,
                                UploadRequest.of("planted.pdf"),
                                pdf(),
                                Channel.WEB)),
                // A forged proof about the foreign usager himself, on Alice's request.
                row(
                        "PieceReuse.attachProof(Principal,UsagerId,RequestId,DataProof)",
                        a -> reuse.attachProof(a, a instanceof UsagerPrincipal u ? u.usager() : alice, id, proof())),
                row("PieceReuse.proofs(Principal,RequestId)", a -> reuse.proofs(a, id)),
                // gru-scheduling: the usager whose appointment it is, or an agent of the site's teams.
                row("BookingService.find(Principal,BookingId)", Set.of(SYSTEM), a -> bookings.find(a, booking.id())),
                row(
                        "BookingService.reschedule(Principal,BookingId,Instant)",
                        a -> bookings.reschedule(a, booking.id(), SchedulingFixture.at(1, 11, 0))),
                row(
                        "BookingService.markAttended(AgentPrincipal,BookingId)",
                        a -> bookings.markAttended(as(a, AgentPrincipal.class), booking.id())),
                row(
                        "BookingService.markNoShow(AgentPrincipal,BookingId)",
                        a -> bookings.markNoShow(as(a, AgentPrincipal.class), booking.id())),
                row(
                        "BookingService.cancelByAgent(AgentPrincipal,BookingId,String)",
                        a -> bookings.cancelByAgent(as(a, AgentPrincipal.class), booking.id(), "absence")),
                row(
                        "BookingService.cancelByOwner(UsagerPrincipal,BookingId)",
                        a -> bookings.cancelByOwner(as(a, UsagerPrincipal.class), booking.id())),
                row(
                        "BookingService.appointments(AgentPrincipal,SiteId,Instant,Instant)",
                        a -> bookings.appointments(as(a, AgentPrincipal.class), SchedulingFixture.SITE, from, to)),
                // The hold's owner is named by id; the principal's usager stands for it.
                row("BookingService.confirmHold(Principal,BookingId)", a -> bookings.confirmHold(a, hold.id())),
                row("BookingService.releaseHold(Principal,BookingId)", a -> bookings.releaseHold(a, hold.id())),
                // An usager books for himself only. The request names its collectivité and carries an actor
                // reference, not a principal: agents (any team, at the counter) and the system (waiting
                // list) book for anyone; the host vouches for the collectivité.
                row("BookingService.joinWaitingList(Principal,SiteId,ServiceId,UsagerId,LocalDate,LocalDate)", a -> {
                    bookings.joinWaitingList(
                            a,
                            SchedulingFixture.SITE,
                            SchedulingFixture.CIVIL,
                            alice,
                            LocalDate.of(2026, 6, 9),
                            LocalDate.of(2026, 6, 10));
                    return null;
                }),
                row("BookingService.leaveWaitingList(Principal,SiteId,ServiceId,UsagerId)", a -> {
                    bookings.leaveWaitingList(a, SchedulingFixture.SITE, SchedulingFixture.CIVIL, alice);
                    return null;
                }),
                row("BookingService.book(BookingRequest)", BOOKING_ALLOWED, a -> bookings.book(bookingFor(a))),
                row("BookingService.hold(BookingRequest)", BOOKING_ALLOWED, a -> bookings.hold(bookingFor(a))));
    }

    /** The collectivité's own system books for a resident by design (a lottery release, the waiting list). */
    private static final Set<String> BOOKING_ALLOWED = Set.of(SYSTEM);

    /** A document of the foreign usager's own vault (in their collectivité); Alice's for anyone else. */
    private Document ownDocument(Principal a) {
        if (!(a instanceof UsagerPrincipal u)) {
            return document;
        }
        return vault.upload(
                u,
                u.usager(),
                DocumentTypes.PROOF_OF_ADDRESS,
                DocumentFacts.issued(LocalDate.of(2026, 5, 1)),
                Channel.WEB,
                UploadRequest.of("own.pdf"),
                pdf());
    }

    private BookingRequest bookingFor(Principal a) {
        return BookingRequest.online(
                        TENANT, SchedulingFixture.SITE, SchedulingFixture.CIVIL, SchedulingFixture.at(3, 10, 0), alice)
                .withActor(a);
    }

    /**
     * Public methods without a principal to check, with the reason. They take a collectivité and act as
     * the host's trusted code (jobs, RGPD requests, links that carry their own secret), return data that
     * is not any one person's, or build and expose parts of the service.
     */
    private static final Map<String, String> EXEMPT = Map.ofEntries(
            Map.entry("RequestService.lifecycle()", "the lifecycle table, no data"),
            Map.entry("RequestService.policy()", "the access policy itself"),
            Map.entry(
                    "ContactService.ofUsager(TenantId,UsagerId,ContactRecord,int)",
                    "the host's 360° view, called for an agent it authorised"),
            Map.entry("ContactService.toTriage(TenantId,int)", "the collectivité's triage queue, for its agents"),
            Map.entry("ContactService.quarantine(TenantId,int)", "the collectivité's quarantine, for its agents"),
            Map.entry(
                    "ContactService.automatic(TenantId,int)",
                    "the collectivité's auto-replies and delivery reports, for its agents"),
            Map.entry(
                    "SatisfactionService.invite(TenantId,UsagerId,SurveyOccasion,String,String,Channel)",
                    "called by the host when a request is decided or an appointment attended"),
            Map.entry(
                    "SatisfactionService.notify(NotificationService,SurveyInvitation,String)",
                    "sends an invitation the host holds"),
            Map.entry("SatisfactionService.aggregates(TenantId,Instant,Instant)", "anonymous statistics"),
            Map.entry("SatisfactionService.csv(TenantId,Instant,Instant)", "anonymous statistics"),
            Map.entry("DocumentVault.access()", "the access policy itself"),
            Map.entry("DocumentVault.store()", "the port, for the host's wiring"),
            Map.entry("DocumentVault.types()", "the document types, no personal data"),
            Map.entry("DocumentVault.today()", "the date"),
            Map.entry(
                    "DocumentVault.validity(Document,int,LocalDate)",
                    "computes on a document the caller already holds"),
            Map.entry("DocumentVault.rotateKeys(TenantId,int)", "key rotation, an operator's job"),
            Map.entry("DocumentVault.subjectData(RequestStore)", "builds the RGPD contributor"),
            Map.entry("DocumentVault.timeline()", "builds the timeline contributor"),
            Map.entry("DocumentVault.endedRequestFiles(RequestStore)", "builds the end-of-life job"),
            Map.entry("DocumentVault.actsFor(Principal,UsagerId)", "the access question itself"),
            Map.entry("BookingService.store()", "the port, for the host's wiring"),
            Map.entry("BookingService.clock()", "the clock"),
            Map.entry("BookingService.sites()", "the sites' setups, public information"),
            Map.entry(
                    "BookingService.availability(TenantId,SiteId,ServiceId,LocalDate,LocalDate,int)",
                    "free slots, public information"),
            Map.entry(
                    "BookingService.find(TenantId,BookingId)",
                    "the host's trusted lookup (jobs, links); find(Principal, BookingId) is the checked one"),
            Map.entry(
                    "BookingService.cancelByUsager(TenantId,BookingId,String)",
                    "the cancellation link's secret token is the credential"),
            Map.entry(
                    "BookingService.findByCancelToken(TenantId,BookingId,String)",
                    "the cancellation link's secret token is the credential"),
            Map.entry(
                    "BookingService.eraseUsager(TenantId,UsagerId)",
                    "RGPD erasure, run by the host for a verified request"),
            Map.entry(
                    "BookingService.waitingListsOf(TenantId,UsagerId)",
                    "RGPD export, run by the host for a verified request"),
            Map.entry(
                    "BookingService.noShowCount(TenantId,UsagerId)", "RGPD export and counter check, run by the host"),
            Map.entry("BookingService.expireHolds(TenantId)", "the hold reaper, a system job"),
            Map.entry("BookingService.remindersDue(TenantId,Instant,Instant)", "the reminder job, a system job"),
            Map.entry(
                    "BookingService.waiting(TenantId,SiteId,ServiceId)",
                    "the waiting list's order, for the collectivité's agents and jobs"));

    /** The service classes under contract. */
    protected static final List<Class<?>> SERVICES = List.of(
            RequestService.class,
            ExchangeService.class,
            ContactService.class,
            RequestDeliveries.class,
            SatisfactionService.class,
            DocumentVault.class,
            PieceReuse.class,
            BookingService.class);

    @Test
    void everyPublicMethodHasARowOrAnExemption() {
        Set<String> methods = new TreeSet<>();
        for (Class<?> service : SERVICES) {
            for (Method m : service.getDeclaredMethods()) {
                if (Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()) && !m.isSynthetic()) {
                    methods.add(signature(service, m));
                }
            }
        }
        Set<String> covered = new TreeSet<>(EXEMPT.keySet());
        rows().forEach(r -> assertThat(covered.add(r.method()))
                .as("one row per method: %s", r.method())
                .isTrue());
        assertThat(methods)
                .as(
                        "public service methods without a row in the access contract (add one, or an exemption with its reason)")
                .containsAll(covered);
        assertThat(covered)
                .as("rows or exemptions naming no public service method")
                .containsAll(methods);
    }

    private static String signature(Class<?> service, Method m) {
        return service.getSimpleName() + "." + m.getName() + "("
                + Arrays.stream(m.getParameterTypes()).map(Class::getSimpleName).collect(Collectors.joining(","))
                + ")";
    }

    @TestFactory
    Stream<DynamicTest> everyForeignPrincipalIsRefusedAndNothingChanges() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Row r : rows()) {
            for (Map.Entry<String, Principal> who : foreign.entrySet()) {
                Principal actor = who.getValue();
                if (!applies(r, who.getKey(), actor)) {
                    continue;
                }
                tests.add(DynamicTest.dynamicTest(r.method() + " as " + who.getKey(), () -> refused(r, actor)));
            }
        }
        return tests.stream();
    }

    /** Whether the row's method takes that kind of principal, and does not let it in by design. */
    private static boolean applies(Row r, String name, Principal actor) {
        String params = r.method().substring(r.method().indexOf('('));
        if (params.contains("AgentPrincipal") && !(actor instanceof AgentPrincipal)) {
            return false;
        }
        boolean byUsagerId = r.method().startsWith("BookingService.") && params.contains("UsagerId");
        if ((params.contains("UsagerPrincipal") || byUsagerId) && !(actor instanceof UsagerPrincipal)) {
            return false;
        }
        return !r.allowed().contains(name);
    }

    private void refused(Row r, Principal actor) {
        List<Object> before = snapshot();
        Object result;
        try {
            result = r.call().apply(actor);
        } catch (AccessDeniedException | NotFoundException e) {
            assertThat(snapshot())
                    .as("%s as %s: nothing changed", r.method(), actor)
                    .isEqualTo(before);
            return;
        } catch (BookingRejectedException e) {
            // A site of Alice's collectivité is unknown in another one.
            assertThat(e.reason()).isEqualTo(BookingRejectedException.Reason.UNKNOWN_SITE);
            assertThat(actor.tenant()).isNotEqualTo(TENANT);
            assertThat(snapshot())
                    .as("%s as %s: nothing changed", r.method(), actor)
                    .isEqualTo(before);
            return;
        }
        if (result instanceof Collection<?> listing && r.method().startsWith("RequestService.list(")) {
            // A listing is filtered rather than refused: Alice's request is not in it.
            assertThat(listing)
                    .as("a foreign listing")
                    .noneMatch(o -> o instanceof Request req && req.id().equals(request.id()));
            assertThat(snapshot())
                    .as("%s as %s: nothing changed", r.method(), actor)
                    .isEqualTo(before);
            return;
        }
        if (result instanceof WorkQueuePage page) {
            // A work queue is filtered rather than refused: Alice's request is not in it.
            assertThat(page.requests())
                    .as("a foreign work queue")
                    .noneMatch(req -> req.id().equals(request.id()));
            assertThat(snapshot())
                    .as("%s as %s: nothing changed", r.method(), actor)
                    .isEqualTo(before);
            return;
        }
        if (result instanceof Collection<?> actions
                && r.method().startsWith("RequestService.permittedActions(Request")) {
            assertThat(actions).as("no action for a foreign principal").isEmpty();
            return;
        }
        fail(r.method() + " accepted " + actor + " on Alice's " + describe(r) + " (returned " + result + ")");
    }

    private static String describe(Row r) {
        return r.method().substring(0, r.method().indexOf('.'));
    }

    /** Everything a refused call must leave as it was. */
    private List<Object> snapshot() {
        List<Object> s = new ArrayList<>();
        s.add(stores.requests().find(TENANT, request.id()));
        s.add(stores.requests().history(TENANT, request.id()));
        s.add(stores.requests()
                .byApplicants(TENANT, Set.of(alice), RequestQuery.firstPage())
                .size());
        s.add(stores.exchanges().thread(TENANT, request.id()));
        s.add(stores.exchanges().receipts(TENANT, message.id()));
        s.add(stores.contacts().find(TENANT, contact.id()));
        s.add(stores.contacts().byRequest(TENANT, request.id()));
        s.add(stores.contacts().byRequest(OTHER_TENANT, request.id()));
        s.add(stores.documents().find(TENANT, document.id()));
        s.add(stores.documents().byOwner(TENANT, alice).size());
        s.add(stores.documents().attachments(TENANT, request.id()));
        s.add(stores.documents().consents(TENANT, request.id()));
        s.add(stores.documents().proofs(TENANT, request.id()));
        s.add(stores.bookings().find(TENANT, booking.id()));
        s.add(stores.bookings().find(TENANT, hold.id()));
        s.add(stores.bookings().ofUsager(TENANT, alice).size());
        s.add(waitingList.entriesOf(TENANT, alice));
        s.add(stores.bookings()
                .startingBetween(TENANT, SchedulingFixture.at(0, 0, 0), SchedulingFixture.at(7, 0, 0))
                .size());
        return s;
    }
}
