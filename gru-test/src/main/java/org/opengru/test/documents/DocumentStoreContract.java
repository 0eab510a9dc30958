package org.opengru.test.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opengru.core.catalogue.DocumentTypeCode;
import org.opengru.core.catalogue.ProcedureCode;
import org.opengru.core.error.AlreadyExistsException;
import org.opengru.core.error.ConcurrentUpdateException;
import org.opengru.core.error.NotFoundException;
import org.opengru.core.id.AgentId;
import org.opengru.core.id.RequestId;
import org.opengru.core.id.UsagerId;
import org.opengru.core.intake.Channel;
import org.opengru.core.principal.ActorKind;
import org.opengru.core.principal.ActorRef;
import org.opengru.core.proof.DataProof;
import org.opengru.core.request.Request;
import org.opengru.core.request.RequestStore;
import org.opengru.core.rgpd.CoreSubjectData;
import org.opengru.core.rgpd.EndOfLife;
import org.opengru.core.rgpd.ErasureOutcome;
import org.opengru.core.tenancy.TenantId;
import org.opengru.documents.crypto.EnvelopeEncryption;
import org.opengru.documents.crypto.StaticKeyProvider;
import org.opengru.documents.crypto.WrappedKey;
import org.opengru.documents.ingest.DocumentIngestor;
import org.opengru.documents.ingest.SanitizedFileName;
import org.opengru.documents.ingest.Sha256;
import org.opengru.documents.reuse.Attachment;
import org.opengru.documents.reuse.ProofAttachment;
import org.opengru.documents.reuse.ReuseConsent;
import org.opengru.documents.scan.VirusScanner;
import org.opengru.documents.sniff.AllowedMediaType;
import org.opengru.documents.storage.BlobKey;
import org.opengru.documents.storage.BlobStore;
import org.opengru.documents.store.DocumentStore;
import org.opengru.documents.types.DocumentFacts;
import org.opengru.documents.vault.AdministrativeFiles;
import org.opengru.documents.vault.Document;
import org.opengru.documents.vault.DocumentId;
import org.opengru.documents.vault.DocumentVersion;
import org.opengru.documents.vault.DocumentsSubjectData;
import org.opengru.documents.vault.EndedRequestFiles;
import org.opengru.documents.vault.EndedRequestFiles.Released;
import org.opengru.documents.vault.LiveRequests;
import org.opengru.documents.vault.Verification;
import org.opengru.test.MutableClock;
import org.opengru.test.core.RequestFixtures;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every {@link DocumentStore} must do. Subclass it once per adapter and return a fresh, empty
 * store from {@link #newStore()}.
 */
public abstract class DocumentStoreContract {
    protected static final TenantId PARIS = TenantId.of("commune-75056");
    protected static final TenantId LYON = TenantId.of("commune-69123");
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00.123456Z");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final SecureRandom random = new SecureRandom();

    private DocumentStore store;

    /** A new store with no data (truncate the tables for a database adapter). */
    protected abstract DocumentStore newStore();

    @BeforeEach
    void freshStore() {
        store = newStore();
    }

    private DocumentVersion version(int n, Verification verification) {
        return new DocumentVersion(
                n,
                BlobKey.random(random),
                new SanitizedFileName("Facture électricité " + n + ".pdf"),
                AllowedMediaType.PDF,
                1234 + n,
                new Sha256("a".repeat(63) + n),
                Channel.WEB,
                new ActorRef(ActorKind.USAGER, UUID.randomUUID().toString()),
                T0.plusSeconds(n),
                new DocumentFacts(
                        LocalDate.of(2026, 2, n), n == 1 ? null : LocalDate.of(2036, 2, 1), LocalDate.of(1980, 1, 31)),
                verification);
    }

    private static WrappedKey key(int n) {
        return new WrappedKey("master-" + n, new byte[] {1, 2, 3, (byte) n});
    }

    private Document document(TenantId tenant, UsagerId owner) {
        return new Document(
                DocumentId.of(UUID.randomUUID()),
                tenant,
                owner,
                DocumentTypeCode.of("justificatif-domicile"),
                List.of(version(1, new Verification.Unverified())),
                T0);
    }

    @Test
    void storesAndFindsDocumentsPerTenantAndOwner() {
        UsagerId alice = UsagerId.of(UUID.randomUUID());
        Document a = document(PARIS, alice);
        Document b = new Document(
                DocumentId.of(UUID.randomUUID()),
                PARIS,
                alice,
                DocumentTypeCode.of("carte-identite"),
                List.of(version(1, new Verification.Unverified())),
                T0.plusSeconds(60));
        store.insert(a, key(1));
        store.insert(b, key(1));
        store.insert(document(PARIS, UsagerId.of(UUID.randomUUID())), key(1));
        assertThat(store.find(PARIS, a.id())).contains(a);
        assertThat(store.find(LYON, a.id())).as("other tenant").isEmpty();
        assertThat(store.byOwner(PARIS, alice)).containsExactly(a, b);
        assertThat(store.byOwner(LYON, alice)).isEmpty();
        assertThat(store.wrappedKey(PARIS, a.id(), 1)).contains(key(1));
        assertThat(store.wrappedKey(LYON, a.id(), 1)).isEmpty();
        assertThatThrownBy(() -> store.insert(a, key(1))).isInstanceOf(AlreadyExistsException.class);
    }

    @Test
    void versionsAreAppendedInOrderOnly() {
        Document d = document(PARIS, UsagerId.of(UUID.randomUUID()));
        store.insert(d, key(1));
        DocumentVersion v2 = version(2, new Verification.Unverified());
        store.addVersion(PARIS, d.id(), v2, key(2));
        assertThat(store.find(PARIS, d.id()).orElseThrow().versions()).containsExactly(d.current(), v2);
        assertThat(store.wrappedKey(PARIS, d.id(), 2)).contains(key(2));
        assertThatThrownBy(() -> store.addVersion(PARIS, d.id(), version(2, new Verification.Unverified()), key(2)))
                .isInstanceOf(ConcurrentUpdateException.class);
        assertThatThrownBy(() -> store.addVersion(PARIS, d.id(), version(4, new Verification.Unverified()), key(4)))
                .isInstanceOf(ConcurrentUpdateException.class);
        assertThatThrownBy(() -> store.addVersion(LYON, d.id(), version(3, new Verification.Unverified()), key(3)))
                .isInstanceOf(NotFoundException.class);
        assertThat(store.find(PARIS, d.id()).orElseThrow().versions()).hasSize(2);
    }

    @Test
    void concurrentVersionsNeverShareANumber() throws Exception {
        Document d = document(PARIS, UsagerId.of(UUID.randomUUID()));
        store.insert(d, key(1));
        int writers = 6;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    try {
                        store.addVersion(PARIS, d.id(), version(2, new Verification.Unverified()), key(2));
                        return true;
                    } catch (ConcurrentUpdateException lost) {
                        return false;
                    }
                }));
            }
            start.countDown();
            int won = 0;
            for (Future<Boolean> r : results) {
                won += r.get() ? 1 : 0;
            }
            assertThat(won).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(store.find(PARIS, d.id()).orElseThrow().versions()).hasSize(2);
    }

    @Test
    void verificationStatesRoundTrip() {
        Document d = document(PARIS, UsagerId.of(UUID.randomUUID()));
        store.insert(d, key(1));
        Verification ok = new Verification.Verified(AgentId.of("jdupont"), T0.plusSeconds(3600));
        store.setVerification(PARIS, d.id(), 1, ok);
        assertThat(store.find(PARIS, d.id()).orElseThrow().current().verification())
                .isEqualTo(ok);
        Verification no = new Verification.Rejected(AgentId.of("mmartin"), T0.plusSeconds(7200), "Illisible");
        store.setVerification(PARIS, d.id(), 1, no);
        assertThat(store.find(PARIS, d.id()).orElseThrow().current().verification())
                .isEqualTo(no);
        assertThatThrownBy(() -> store.setVerification(PARIS, d.id(), 2, ok)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> store.setVerification(LYON, d.id(), 1, ok)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void erasureDestroysEveryWrappedKeyAndReturnsTheBlobs() {
        Document d = document(PARIS, UsagerId.of(UUID.randomUUID()));
        store.insert(d, key(1));
        DocumentVersion v2 = version(2, new Verification.Unverified());
        store.addVersion(PARIS, d.id(), v2, key(2));
        assertThat(store.erase(LYON, d.id())).as("other tenant").isEmpty();
        assertThat(store.erase(PARIS, d.id()))
                .containsExactlyInAnyOrder(d.current().blobKey(), v2.blobKey());
        assertThat(store.find(PARIS, d.id())).isEmpty();
        assertThat(store.wrappedKey(PARIS, d.id(), 1)).isEmpty();
        assertThat(store.wrappedKey(PARIS, d.id(), 2)).isEmpty();
        assertThat(store.erase(PARIS, d.id())).isEmpty();
    }

    @Test
    void keysAreListedAndReplacedForRotation() {
        Document d = document(PARIS, UsagerId.of(UUID.randomUUID()));
        store.insert(d, new WrappedKey("old", new byte[] {1}));
        DocumentVersion v2 = version(2, new Verification.Unverified());
        store.addVersion(PARIS, d.id(), v2, new WrappedKey("new", new byte[] {2}));
        store.insert(document(LYON, UsagerId.of(UUID.randomUUID())), new WrappedKey("old", new byte[] {3}));

        assertThat(store.keysNotWrappedWith(PARIS, "new", 10)).singleElement().satisfies(k -> {
            assertThat(k.document()).isEqualTo(d.id());
            assertThat(k.version()).isEqualTo(1);
            assertThat(k.blobKey()).isEqualTo(d.current().blobKey());
            assertThat(k.key()).isEqualTo(new WrappedKey("old", new byte[] {1}));
        });
        assertThat(store.keysNotWrappedWith(PARIS, "other", 1)).hasSize(1);
        WrappedKey rewrapped = new WrappedKey("new", new byte[] {9});
        assertThat(store.replaceKey(PARIS, d.id(), 1, new WrappedKey("old", new byte[] {7}), rewrapped))
                .as("compare-and-set: stale expectation")
                .isFalse();
        assertThat(store.replaceKey(PARIS, d.id(), 1, new WrappedKey("old", new byte[] {1}), rewrapped))
                .isTrue();
        assertThat(store.wrappedKey(PARIS, d.id(), 1)).contains(rewrapped);
        assertThat(store.keysNotWrappedWith(PARIS, "new", 10)).isEmpty();
        assertThat(store.keysNotWrappedWith(LYON, "new", 10)).hasSize(1);
        store.erase(PARIS, d.id());
        assertThat(store.replaceKey(PARIS, d.id(), 2, new WrappedKey("new", new byte[] {2}), rewrapped))
                .as("an erased key cannot come back")
                .isFalse();
        assertThat(store.wrappedKey(PARIS, d.id(), 2)).isEmpty();
    }

    @Test
    void consentsAndAttachmentsAreRecordedPerRequest() {
        UsagerId alice = UsagerId.of(UUID.randomUUID());
        Document d = document(PARIS, alice);
        store.insert(d, key(1));
        RequestId request = RequestId.of(UUID.randomUUID());
        ReuseConsent consent = new ReuseConsent(
                PARIS,
                alice,
                request,
                ProcedureCode.of("inscription-cantine"),
                Set.of(d.id(), DocumentId.of(UUID.randomUUID())),
                new ActorRef(ActorKind.USAGER, alice.toString()),
                T0,
                Channel.WEB);
        store.recordConsent(consent);
        assertThat(store.consents(PARIS, request)).containsExactly(consent);
        assertThat(store.consents(LYON, request)).isEmpty();
        assertThat(store.consentsOf(PARIS, alice)).containsExactly(consent);
        assertThat(store.consentsOf(LYON, alice)).isEmpty();
        assertThat(store.consentsOf(PARIS, UsagerId.of(UUID.randomUUID()))).isEmpty();

        Attachment a = new Attachment(
                PARIS,
                request,
                DocumentTypeCode.of("justificatif-domicile"),
                d.id(),
                1,
                new ActorRef(ActorKind.USAGER, alice.toString()),
                T0.plusSeconds(5));
        store.attach(a);
        assertThatThrownBy(() -> store.attach(a)).isInstanceOf(AlreadyExistsException.class);
        assertThat(store.attachments(PARIS, request)).containsExactly(a);
        assertThat(store.attachmentsOf(PARIS, d.id())).containsExactly(a);
        assertThat(store.attachmentsOf(LYON, d.id())).isEmpty();

        store.erase(PARIS, d.id());
        assertThat(store.attachments(PARIS, request))
                .as("the request keeps its reference")
                .containsExactly(a);
    }

    @Test
    void dataProofsAreRecordedPerRequestOldestFirst() {
        UsagerId alice = UsagerId.of(UUID.randomUUID());
        RequestId request = RequestId.of(UUID.randomUUID());
        ProofAttachment first = new ProofAttachment(
                PARIS,
                request,
                alice,
                UUID.randomUUID(),
                new DataProof(
                        DocumentTypeCode.of("attestation-caf"),
                        "API Particulier — CNAF",
                        "Quotient familial CNAF de 2026-02 : 734",
                        T0,
                        LocalDate.of(2026, 2, 28),
                        Map.of("quotient_familial", "734", "fournisseur", "CNAF", "periode", "2026-02")),
                new ActorRef(ActorKind.USAGER, alice.toString()),
                T0.plusSeconds(1));
        ProofAttachment second = new ProofAttachment(
                PARIS,
                request,
                alice,
                UUID.randomUUID(),
                new DataProof(
                        DocumentTypeCode.of("certificat-scolarite"),
                        "API Particulier — MESRI",
                        "Inscrit(e)",
                        T0,
                        null,
                        Map.of()),
                new ActorRef(ActorKind.AGENT, "jdupont"),
                T0.plusSeconds(2));
        store.attachProof(second);
        store.attachProof(first);
        assertThatThrownBy(() -> store.attachProof(first)).isInstanceOf(AlreadyExistsException.class);

        assertThat(store.proofs(PARIS, request)).containsExactly(first, second);
        assertThat(store.proofs(LYON, request)).isEmpty();
        assertThat(store.proofs(PARIS, RequestId.of(UUID.randomUUID()))).isEmpty();
    }

    private static ProofAttachment quotientFamilial(
            TenantId tenant, RequestId request, UsagerId usager, String qf, Instant at) {
        return new ProofAttachment(
                tenant,
                request,
                usager,
                UUID.randomUUID(),
                new DataProof(
                        DocumentTypeCode.of("attestation-caf"),
                        "API Particulier — CNAF",
                        "Quotient familial CNAF de 2026-02 : " + qf,
                        at,
                        LocalDate.of(2026, 2, 28),
                        Map.of("quotient_familial", qf, "fournisseur", "CNAF", "periode", "2026-02")),
                new ActorRef(ActorKind.USAGER, usager.toString()),
                at.plusSeconds(1));
    }

    @Test
    void dataProofsAreFoundByTheirUsagerAndErasedOneByOne() {
        UsagerId alice = UsagerId.of(UUID.randomUUID());
        UsagerId bob = UsagerId.of(UUID.randomUUID());
        RequestId cantine = RequestId.of(UUID.randomUUID());
        ProofAttachment later =
                quotientFamilial(PARIS, RequestId.of(UUID.randomUUID()), alice, "734", T0.plusSeconds(60));
        ProofAttachment first = quotientFamilial(PARIS, cantine, alice, "734", T0);
        ProofAttachment bobs = quotientFamilial(PARIS, cantine, bob, "1210", T0);
        ProofAttachment inLyon = quotientFamilial(LYON, cantine, alice, "734", T0);
        for (ProofAttachment p : List.of(later, first, bobs, inLyon)) {
            store.attachProof(p);
        }

        assertThat(store.proofsAbout(PARIS, alice)).containsExactly(first, later);
        assertThat(store.proofsAbout(LYON, alice)).containsExactly(inLyon);
        assertThat(store.eraseProof(LYON, first.id())).as("other tenant").isFalse();
        assertThat(store.eraseProof(PARIS, first.id())).isTrue();
        assertThat(store.eraseProof(PARIS, first.id())).as("already gone").isFalse();
        assertThat(store.proofsAbout(PARIS, alice)).containsExactly(later);
        assertThat(store.proofs(PARIS, cantine)).containsExactly(bobs);
        assertThat(store.proofsAbout(LYON, alice)).containsExactly(inLyon);
    }

    private static final String LEGAL_BASIS =
            DocumentsSubjectData.RETAINED_BASIS + " ; " + CoreSubjectData.CONSENTS_LEGAL_BASIS;

    /** What the subject-access export and erasure of the documents section hold, on this store. */
    private final class SubjectData {
        final UsagerId alice = UsagerId.of(UUID.randomUUID());
        final UsagerId bob = UsagerId.of(UUID.randomUUID());
        final RequestStore requests = RequestStore.inMemory();
        final RequestFixtures fixtures = new RequestFixtures(PARIS);
        final Request received;
        final Request draft;
        final ProofAttachment withReceived;
        final ProofAttachment withDraft;
        final ProofAttachment withPurged;
        final ProofAttachment bobs;
        final Document attachedToReceived;
        final Document attachedToDraft;
        final Document loose;

        SubjectData() {
            Request filed = requests.apply(fixtures.draft(alice, T0, null)).request();
            received = requests.apply(fixtures.submit(filed, T0.plusSeconds(30), null))
                    .request();
            draft = requests.apply(fixtures.draft(alice, T0, null)).request();
            withReceived = quotientFamilial(PARIS, received.id(), alice, "734", T0);
            withDraft = quotientFamilial(PARIS, draft.id(), alice, "734", T0.plusSeconds(10));
            // A request the retention job already purged: its file is gone, so is the reason to keep this.
            withPurged = quotientFamilial(PARIS, RequestId.of(UUID.randomUUID()), alice, "690", T0.plusSeconds(20));
            bobs = quotientFamilial(PARIS, draft.id(), bob, "1210", T0);
            for (ProofAttachment p : List.of(withReceived, withDraft, withPurged, bobs)) {
                store.attachProof(p);
            }
            attachedToReceived = document(PARIS, alice);
            attachedToDraft = document(PARIS, alice);
            loose = document(PARIS, alice);
            for (Document d : List.of(attachedToReceived, attachedToDraft, loose)) {
                store.insert(d, key(1));
            }
            attach(received.id(), attachedToReceived);
            attach(draft.id(), attachedToDraft);
            store.recordConsent(consent(alice, received.id(), attachedToReceived));
            store.recordConsent(consent(bob, draft.id(), document(PARIS, bob)));
        }

        private ReuseConsent consent(UsagerId usager, RequestId request, Document d) {
            return new ReuseConsent(
                    PARIS,
                    usager,
                    request,
                    ProcedureCode.of("inscription-cantine"),
                    Set.of(d.id()),
                    new ActorRef(ActorKind.USAGER, usager.toString()),
                    T0.plusSeconds(35),
                    Channel.WEB);
        }

        private void attach(RequestId request, Document d) {
            store.attach(new Attachment(
                    PARIS,
                    request,
                    d.type(),
                    d.id(),
                    1,
                    new ActorRef(ActorKind.USAGER, alice.toString()),
                    T0.plusSeconds(40)));
        }

        DocumentsSubjectData contributor(DocumentStore over) {
            DocumentIngestor ingestor = DocumentIngestor.builder()
                    .blobStore(BlobStore.inMemory())
                    .encryption(new EnvelopeEncryption(StaticKeyProvider.generated("test")))
                    .scanner(VirusScanner.unscanned())
                    .build();
            return new DocumentsSubjectData(over, ingestor, AdministrativeFiles.of(requests));
        }

        /** The export shows every proof about alice; erasure keeps only what a received request holds. */
        void check(DocumentsSubjectData contributor) {
            // The contributor alone: SubjectAccess would refuse the erasure while alice's received request
            // is held, and this checks what the documents section itself keeps.
            JsonNode section = JSON.valueToTree(contributor.collect(PARIS, alice));
            assertThat(section.path("documents")).hasSize(3);
            assertThat(section.path("consents")).singleElement().satisfies(c -> {
                assertThat(c.path("request").asString()).isEqualTo(received.id().toString());
                assertThat(c.path("documents").get(0).asString())
                        .isEqualTo(attachedToReceived.id().toString());
                assertThat(c.path("channel").asString()).isEqualTo("WEB");
            });
            JsonNode proofs = section.path("proofs");
            assertThat(proofs).as("the data fetched about alice").hasSize(3);
            JsonNode qf = proofs.get(0);
            assertThat(qf.path("id").asString()).isEqualTo(withReceived.id().toString());
            assertThat(qf.path("request").asString()).isEqualTo(received.id().toString());
            assertThat(qf.path("piece").asString()).isEqualTo("attestation-caf");
            assertThat(qf.path("source").asString()).isEqualTo("API Particulier — CNAF");
            assertThat(qf.path("obtainedAt").asString()).isEqualTo(T0.toString());
            assertThat(qf.path("validUntil").asString()).isEqualTo("2026-02-28");
            assertThat(qf.path("data").path("quotient_familial").asString()).isEqualTo("734");
            assertThat(qf.path("recordedBy").asString())
                    .isEqualTo(withReceived.attachedBy().toString());
            assertThat(proofs.toString()).doesNotContain("1210");

            // tag::erasure[]
            assertThat(contributor.erase(PARIS, alice))
                    .as("2 documents and 2 proofs erased; the received request's document and proof kept, and the"
                            + " consent")
                    .isEqualTo(new ErasureOutcome("documents", 4, 3, LEGAL_BASIS));
            // end::erasure[]
            assertThat(store.proofsAbout(PARIS, alice)).containsExactly(withReceived);
            assertThat(store.proofsAbout(PARIS, bob)).as("not alice's").containsExactly(bobs);
            assertThat(store.find(PARIS, attachedToReceived.id())).isPresent();
            assertThat(store.find(PARIS, attachedToDraft.id())).isEmpty();
            assertThat(store.find(PARIS, loose.id())).isEmpty();
            assertThat(contributor.erase(PARIS, alice))
                    .as("asked again: nothing more to erase")
                    .isEqualTo(new ErasureOutcome("documents", 0, 3, LEGAL_BASIS));
        }
    }

    @Test
    void subjectAccessShowsTheDataProofsAndErasureKeepsThoseOfReceivedRequestsOnly() {
        SubjectData data = new SubjectData();
        data.check(data.contributor(store));
    }

    @Test
    void theSubjectDataCheckCatchesAContributorBlindToDataProofs() {
        // The contributor as it was before data proofs counted: it never saw them.
        SubjectData data = new SubjectData();
        DocumentStore blind = (DocumentStore) Proxy.newProxyInstance(
                DocumentStore.class.getClassLoader(), new Class<?>[] {DocumentStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("proofsAbout")) {
                        return List.of();
                    }
                    try {
                        return method.invoke(store, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        assertThatThrownBy(() -> data.check(data.contributor(blind)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("the data fetched about alice");
    }

    private Document filed(TenantId tenant, UsagerId owner, RequestId request, Instant at) {
        return new Document(
                DocumentId.of(UUID.randomUUID()),
                tenant,
                owner,
                DocumentTypeCode.of("piece-jointe"),
                List.of(version(1, new Verification.Unverified())),
                at,
                request);
    }

    private static Attachment attachment(RequestId request, Document d, Instant at) {
        return new Attachment(
                d.tenant(),
                request,
                d.type(),
                d.id(),
                1,
                new ActorRef(ActorKind.USAGER, d.owner().toString()),
                at);
    }

    @Test
    void documentsFiledWithARequestAreFoundByIt() {
        UsagerId alice = UsagerId.of(UUID.randomUUID());
        RequestId request = RequestId.of(UUID.randomUUID());
        Document own = document(PARIS, alice);
        Document first = filed(PARIS, alice, request, T0);
        Document second = filed(PARIS, alice, request, T0.plusSeconds(1));
        Document elsewhere = filed(PARIS, alice, RequestId.of(UUID.randomUUID()), T0);
        for (Document d : List.of(own, second, first, elsewhere)) {
            store.insert(d, key(1));
        }
        assertThat(store.find(PARIS, first.id())).contains(first);
        assertThat(store.find(PARIS, own.id()).orElseThrow().filedWith()).isNull();
        assertThat(store.byOwner(PARIS, alice)).contains(first, own);
        assertThat(store.filedWith(PARIS, request)).containsExactly(first, second);
        assertThat(store.filedWith(LYON, request)).as("other tenant").isEmpty();
        store.erase(PARIS, first.id());
        assertThat(store.filedWith(PARIS, request)).containsExactly(second);
    }

    @Test
    void referencedRequestsAreWalkedInIdOrderOncePerRequestAndTenant() {
        UsagerId alice = UsagerId.of(UUID.randomUUID());
        // High bits set and clear: uuids order as unsigned bytes in every adapter.
        RequestId low = RequestId.of(UUID.fromString("10000000-0000-7000-8000-000000000001"));
        RequestId high = RequestId.of(UUID.fromString("f0000000-0000-7000-8000-000000000001"));
        RequestId mid = RequestId.of(UUID.fromString("80000000-0000-7000-8000-000000000001"));
        RequestId proofOnly = RequestId.of(UUID.fromString("20000000-0000-7000-8000-000000000001"));
        Document d = document(PARIS, alice);
        store.insert(d, key(1));
        store.attach(attachment(high, d, T0));
        store.attach(attachment(low, d, T0));
        store.insert(filed(PARIS, alice, mid, T0), key(1));
        store.insert(filed(PARIS, alice, low, T0), key(1));
        store.attachProof(quotientFamilial(PARIS, proofOnly, alice, "734", T0));
        store.attachProof(quotientFamilial(PARIS, high, alice, "734", T0));
        store.attachProof(quotientFamilial(LYON, RequestId.of(UUID.randomUUID()), alice, "734", T0));

        assertThat(store.referencedRequests(PARIS, null, 10)).containsExactly(low, proofOnly, mid, high);
        assertThat(store.referencedRequests(PARIS, null, 2)).containsExactly(low, proofOnly);
        assertThat(store.referencedRequests(PARIS, proofOnly, 2)).containsExactly(mid, high);
        assertThat(store.referencedRequests(PARIS, high, 2)).isEmpty();
        assertThat(store.referencedRequests(LYON, null, 10)).hasSize(1);

        assertThat(store.removeAttachments(PARIS, high)).isEqualTo(1);
        assertThat(store.removeAttachments(PARIS, high)).as("already gone").isZero();
        assertThat(store.removeAttachments(LYON, low)).as("other tenant").isZero();
        assertThat(store.attachmentsOf(PARIS, d.id()))
                .singleElement()
                .extracting(Attachment::request)
                .isEqualTo(low);
        assertThat(store.referencedRequests(PARIS, mid, 10))
                .as("still referenced by its data proof")
                .containsExactly(high);
    }

    /**
     * One usager's files across requests whose life ended or goes on, on this store; a request is alive
     * when {@link #requests} holds it (a purged request is absent).
     */
    private final class EndingRequests {
        final MutableClock clock = new MutableClock(T0.plus(Duration.ofDays(1200)));
        final RequestStore requests = RequestStore.inMemory();
        final RequestFixtures fixtures = new RequestFixtures(PARIS);
        final UsagerId alice = UsagerId.of(UUID.randomUUID());
        final RequestId ended = RequestId.of(UUID.randomUUID());
        final Request held;
        final Request draft;
        /** Alice's own document, referred to by the ended request and the held one. */
        final Document card = document(PARIS, alice);
        /** A file sent with a message of the ended request. */
        final Document letter;
        /** Filed with the ended request, then reused for the held one. */
        final Document reused;
        /** A piece of the draft. */
        final Document draftPiece;
        /** Filed a moment ago with a request gru-core does not know yet. */
        final Document fresh;

        final ProofAttachment endedProof;
        final ProofAttachment heldProof;
        final ProofAttachment draftProof;

        EndingRequests() {
            held = requests.apply(fixtures.submit(
                            requests.apply(fixtures.draft(alice, T0, null)).request(), T0, null))
                    .request();
            draft = requests.apply(fixtures.draft(alice, T0, null)).request();
            letter = filed(PARIS, alice, ended, T0);
            reused = filed(PARIS, alice, ended, T0);
            draftPiece = filed(PARIS, alice, draft.id(), T0);
            fresh = filed(PARIS, alice, RequestId.of(UUID.randomUUID()), clock.instant());
            for (Document d : List.of(card, letter, reused, draftPiece, fresh)) {
                store.insert(d, key(1));
            }
            store.attach(attachment(ended, card, T0));
            store.attach(attachment(ended, letter, T0));
            store.attach(attachment(ended, reused, T0));
            store.attach(attachment(held.id(), card, T0));
            store.attach(attachment(held.id(), reused, T0.plusSeconds(60)));
            store.attach(attachment(draft.id(), draftPiece, T0));
            endedProof = quotientFamilial(PARIS, ended, alice, "690", T0);
            heldProof = quotientFamilial(PARIS, held.id(), alice, "734", T0);
            draftProof = quotientFamilial(PARIS, draft.id(), alice, "734", T0);
            for (ProofAttachment p : List.of(endedProof, heldProof, draftProof)) {
                store.attachProof(p);
            }
        }

        EndedRequestFiles files(DocumentStore over) {
            return files(over, LiveRequests.of(requests));
        }

        EndedRequestFiles files(DocumentStore over, LiveRequests live) {
            DocumentIngestor ingestor = DocumentIngestor.builder()
                    .blobStore(BlobStore.inMemory())
                    .encryption(new EnvelopeEncryption(StaticKeyProvider.generated("test")))
                    .scanner(VirusScanner.unscanned())
                    .build();
            return new EndedRequestFiles(over, ingestor, live, clock, Duration.ofDays(1), 2);
        }

        /** The ended request's file, proof and references are gone; everything else stays. */
        void checkReleased() {
            assertThat(store.find(PARIS, letter.id()))
                    .as("the ended request's letter")
                    .isEmpty();
            assertThat(store.wrappedKey(PARIS, letter.id(), 1)).isEmpty();
            assertThat(store.proofs(PARIS, ended))
                    .as("the ended request's data proof")
                    .isEmpty();
            assertThat(store.attachments(PARIS, ended))
                    .as("the ended request's references")
                    .isEmpty();
            assertThat(store.find(PARIS, card.id())).as("alice's own document").contains(card);
            assertThat(store.find(PARIS, reused.id()))
                    .as("reused by the held request")
                    .contains(reused);
            assertThat(store.find(PARIS, draftPiece.id()))
                    .as("a piece of the draft")
                    .contains(draftPiece);
            assertThat(store.find(PARIS, fresh.id())).as("too recent to tell").contains(fresh);
            assertThat(store.wrappedKey(PARIS, card.id(), 1)).isPresent();
            assertThat(store.proofsAbout(PARIS, alice)).containsExactlyInAnyOrder(heldProof, draftProof);
            assertThat(store.attachments(PARIS, held.id())).hasSize(2);
            assertThat(store.attachments(PARIS, draft.id())).hasSize(1);
        }
    }

    @Test
    void theSweepReleasesWhatNoLiveRequestNeedsAndNothingElse() {
        EndingRequests data = new EndingRequests();
        EndedRequestFiles files = data.files(store);

        assertThat(files.sweep(PARIS))
                .as("1 request: the letter erased, 1 data proof, 3 references")
                .isEqualTo(new Released(1, 1, 1, 3));
        data.checkReleased();
        assertThat(files.sweep(PARIS)).as("idempotent").isEqualTo(Released.NONE);
        assertThat(files.sweep(LYON)).isEqualTo(Released.NONE);

        // The held request ends too: the document reused from the ended one goes with it.
        EndedRequestFiles heldEnded = data.files(store, (tenant, request) -> request.equals(data.draft.id()));
        Released second = heldEnded.sweep(PARIS);
        assertThat(List.of(second.documents(), second.proofs(), second.attachments()))
                .as("the reused document (by either request, in id order), the held request's proof and 2 references")
                .containsExactly(1, 1, 2);
        assertThat(store.find(PARIS, data.reused.id())).isEmpty();
        assertThat(store.find(PARIS, data.card.id()))
                .as("alice's own document stays")
                .isPresent();
        assertThat(store.find(PARIS, data.draftPiece.id())).isPresent();
        assertThat(store.proofsAbout(PARIS, data.alice)).containsExactly(data.draftProof);
    }

    @Test
    void releasingOneRequestLeavesALiveOneAlone() {
        EndingRequests data = new EndingRequests();
        EndedRequestFiles files = data.files(store);
        assertThat(files.release(PARIS, data.held.id())).as("alive").isEqualTo(Released.NONE);
        assertThat(files.release(PARIS, data.draft.id())).as("a draft is alive").isEqualTo(Released.NONE);
        files.ended(PARIS, data.ended, EndOfLife.PURGE);
        data.checkReleased();
        assertThat(files.release(PARIS, data.ended)).as("idempotent").isEqualTo(Released.NONE);
    }

    /** A store that fails on its {@code n}th call to {@code method}, as a node dying at that point would. */
    private DocumentStore failingOn(String method) {
        return (DocumentStore) Proxy.newProxyInstance(
                DocumentStore.class.getClassLoader(), new Class<?>[] {DocumentStore.class}, (proxy, m, args) -> {
                    if (m.getName().equals(method)) {
                        throw new IllegalStateException("node lost at " + method);
                    }
                    try {
                        return m.invoke(store, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Test
    void aSweepStoppedMidwayIsFinishedByTheNext() {
        EndingRequests data = new EndingRequests();
        assertThatThrownBy(() -> data.files(failingOn("removeAttachments")).sweep(PARIS))
                .hasMessageContaining("node lost");
        assertThat(store.find(PARIS, data.letter.id()))
                .as("erased before the node was lost")
                .isEmpty();
        assertThat(store.attachments(PARIS, data.ended))
                .as("the references went last")
                .hasSize(3);

        assertThat(data.files(store).sweep(PARIS))
                .as("the next sweep finds the request by its references and finishes")
                .isEqualTo(new Released(1, 0, 0, 3));
        data.checkReleased();
    }

    @Test
    void severalNodesSweepingAtOnceReleaseEachFileOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                store = newStore(); // each round alone: liveness comes from that round's requests
                EndingRequests data = new EndingRequests();
                CountDownLatch start = new CountDownLatch(1);
                Callable<Released> node = () -> {
                    start.await();
                    return data.files(store).sweep(PARIS);
                };
                Future<Released> a = pool.submit(node);
                Future<Released> b = pool.submit(node);
                start.countDown();
                Released both = a.get().plus(b.get());
                assertThat(both.documents()).as("the letter, erased once").isEqualTo(1);
                assertThat(both.proofs()).isEqualTo(1);
                assertThat(both.attachments()).isEqualTo(3);
                data.checkReleased();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theReleaseCheckCatchesASweepBlindToDrafts() {
        // AdministrativeFiles answers "kept on an erasure request": drafts are not, yet their pieces must stay.
        EndingRequests data = new EndingRequests();
        AdministrativeFiles heldOnly = AdministrativeFiles.of(data.requests);
        data.files(store, heldOnly::kept).sweep(PARIS);
        assertThatThrownBy(data::checkReleased)
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("a piece of the draft");
    }
}
