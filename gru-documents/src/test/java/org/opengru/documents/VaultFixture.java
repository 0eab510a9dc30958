package org.opengru.documents;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opengru.core.catalogue.DocumentTypeCode;
import org.opengru.core.event.DomainEvent;
import org.opengru.core.id.IdGenerator;
import org.opengru.core.id.RequestId;
import org.opengru.core.id.UsagerId;
import org.opengru.core.intake.Channel;
import org.opengru.core.principal.AgentPrincipal;
import org.opengru.core.principal.Principal;
import org.opengru.core.principal.UsagerPrincipal;
import org.opengru.core.proof.DataProofProvider;
import org.opengru.core.tenancy.TenantId;
import org.opengru.core.usager.Contact;
import org.opengru.core.usager.MandateStore;
import org.opengru.core.usager.Person;
import org.opengru.core.usager.Representations;
import org.opengru.core.usager.UsagerStore;
import org.opengru.documents.crypto.EnvelopeEncryption;
import org.opengru.documents.crypto.StaticKeyProvider;
import org.opengru.documents.ingest.DocumentIngestor;
import org.opengru.documents.ingest.UploadRequest;
import org.opengru.documents.reuse.PieceReuse;
import org.opengru.documents.scan.VirusScanner;
import org.opengru.documents.storage.BlobStore;
import org.opengru.documents.store.DocumentStore;
import org.opengru.documents.types.DocumentFacts;
import org.opengru.documents.vault.Document;
import org.opengru.documents.vault.DocumentVault;
import org.opengru.documents.vault.RequestVisibility;

/** A whole vault wired on in-memory adapters with a settable clock. */
public final class VaultFixture {
    public static final TenantId TENANT = TenantId.of("commune-75056");

    public final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    public final IdGenerator ids = IdGenerator.create(clock);
    public final UsagerStore usagers = UsagerStore.inMemory();
    public final MandateStore mandates = MandateStore.inMemory();
    public final BlobStore blobs = BlobStore.inMemory();
    public final DocumentStore store;
    public final DocumentIngestor ingestor;
    public final List<DomainEvent> events = new ArrayList<>();
    public final List<RequestId> visibleToAgents = new ArrayList<>();
    private final Map<RequestId, UsagerId> applicants = new java.util.concurrent.ConcurrentHashMap<>();
    public final DocumentVault vault;
    public final PieceReuse reuse;

    public VaultFixture(DocumentStore store, DataProofProvider proofs) {
        this.store = store;
        ingestor = DocumentIngestor.builder()
                .blobStore(blobs)
                .encryption(new EnvelopeEncryption(StaticKeyProvider.generated("test")))
                .scanner(VirusScanner.unscanned())
                .build();
        Representations representations = new Representations(usagers, mandates);
        // Agents see the requests a test lists; an usager, the requests of the usagers they act for.
        RequestVisibility visibility = (actor, request) -> actor instanceof AgentPrincipal
                ? visibleToAgents.contains(request)
                : actor instanceof UsagerPrincipal u
                        && applicants.containsKey(request)
                        && representations.mayActFor(u.tenant(), u.usager(), applicants.get(request), clock.instant());
        vault = DocumentVault.builder()
                .clock(clock)
                .ids(ids)
                .store(store)
                .ingestor(ingestor)
                .representations(representations)
                .requestVisibility(visibility)
                .events(events::addAll)
                .build();
        reuse = new PieceReuse(vault, proofs, clock, ids, events::addAll);
    }

    public VaultFixture() {
        this(DocumentStore.inMemory(), DataProofProvider.none());
    }

    /** A person known in the fixture's collectivité. */
    public UsagerId newUsager() {
        UsagerId id = UsagerId.of(ids.nextUuid());
        usagers.save(Person.declared(id, TENANT, "Martin", List.of("Alice"), Contact.none(), clock.instant()));
        return id;
    }

    /** A request filed by {@code applicant}: the usagers who act for them may see it. */
    public RequestId newRequest(UsagerId applicant) {
        RequestId id = RequestId.of(UUID.randomUUID());
        applicants.put(id, applicant);
        return id;
    }

    public Document upload(
            Principal actor, UsagerId owner, DocumentTypeCode type, DocumentFacts facts, String name, byte[] content) {
        return vault.upload(
                actor,
                owner,
                type,
                facts,
                Channel.WEB,
                UploadRequest.of(name).withDeclaredSize(content.length),
                new ByteArrayInputStream(content));
    }

    /** A clock tests move forward explicitly. */
    public static final class MutableClock extends Clock {
        private Instant now;

        public MutableClock(Instant start) {
            this.now = start;
        }

        public void set(Instant instant) {
            this.now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
