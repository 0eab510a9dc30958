package org.opengru.documents.vault;

import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.opengru.core.catalogue.DocumentTypeCode;
import org.opengru.core.error.AccessDeniedException;
import org.opengru.core.error.NotFoundException;
import org.opengru.core.error.ValidationException;
import org.opengru.core.event.DomainEventPublisher;
import org.opengru.core.id.IdGenerator;
import org.opengru.core.id.RequestId;
import org.opengru.core.id.UsagerId;
import org.opengru.core.intake.Channel;
import org.opengru.core.principal.AgentPrincipal;
import org.opengru.core.principal.Principal;
import org.opengru.core.principal.UsagerPrincipal;
import org.opengru.core.request.RequestStore;
import org.opengru.core.tenancy.TenantId;
import org.opengru.core.usager.Representations;
import org.opengru.documents.crypto.WrappedKey;
import org.opengru.documents.ingest.DocumentIngestor;
import org.opengru.documents.ingest.IngestedFile;
import org.opengru.documents.ingest.UploadRequest;
import org.opengru.documents.store.DocumentStore;
import org.opengru.documents.types.DocumentFacts;
import org.opengru.documents.types.DocumentType;
import org.opengru.documents.types.DocumentTypes;
import org.opengru.documents.types.Validity;

/**
 * The vault: uploads (through the {@link DocumentIngestor}), versions, agent verification,
 * downloads and erasure, each behind {@link VaultAccess}. Thread-safe; instance-scoped.
 *
 * <pre>{@code
 * DocumentVault vault = DocumentVault.builder()
 *         .clock(clock).ids(IdGenerator.create(clock))
 *         .store(DocumentStore.postgres(dataSource)).ingestor(ingestor)
 *         .types(DocumentTypes.national()).representations(representations)
 *         .requestVisibility(RequestVisibility.of(requestStore, requestPolicy))
 *         .events(domainEvents)
 *         .build();
 * }</pre>
 */
public final class DocumentVault {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final Clock clock;
    private final IdGenerator ids;
    private final DocumentStore store;
    private final DocumentIngestor ingestor;
    private final DocumentTypes types;
    private final VaultAccess access;
    private final DomainEventPublisher events;

    private DocumentVault(Builder b) {
        this.clock = Objects.requireNonNull(b.clock, "clock");
        this.ids = b.ids != null ? b.ids : IdGenerator.create(clock);
        this.store = Objects.requireNonNull(b.store, "store");
        this.ingestor = Objects.requireNonNull(b.ingestor, "ingestor");
        this.types = Objects.requireNonNull(b.types, "types");
        this.access = new VaultAccess(
                Objects.requireNonNull(b.representations, "representations"), b.requestVisibility, store);
        this.events = b.events;
    }

    /**
     * Starts a vault; the clock, the ids, the store, the ingestor and the representations are required;
     * by default the types are the national ones, no request is visible and no event is published.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The access policy in force.
     *
     * @return the policy
     */
    public VaultAccess access() {
        return access;
    }

    /**
     * The documents' metadata.
     *
     * @return the store
     */
    public DocumentStore store() {
        return store;
    }

    /**
     * The document types known to this vault.
     *
     * @return the types
     */
    public DocumentTypes types() {
        return types;
    }

    private Instant now() {
        // PostgreSQL keeps microseconds: so does every stored instant, in every adapter.
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * Today in France, where validity dates are counted.
     *
     * @return the date in Europe/Paris
     */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), PARIS);
    }

    /**
     * Stores a new document in {@code owner}'s vault. An usager may upload into the vaults they act for;
     * an agent may upload at the counter for any usager of the collectivité (but not read it back), and
     * the owner must be an usager of that collectivité ({@link NotFoundException} otherwise).
     *
     * @param actor the usager or agent who uploads
     * @param owner whose vault receives it
     * @param typeCode the piece it is
     * @param facts its issue date, holder's birth date or printed expiry, when known
     * @param channel how the file arrived (web, counter...)
     * @param upload the file's name and sizes
     * @param content the bytes; the caller closes it
     * @return the new document
     * @throws org.opengru.documents.ingest.UploadRejectedException when the file is refused (nothing stored)
     * @throws AccessDeniedException when the actor may not upload into this vault
     */
    public Document upload(
            Principal actor,
            UsagerId owner,
            DocumentTypeCode typeCode,
            DocumentFacts facts,
            Channel channel,
            UploadRequest upload,
            InputStream content) {
        return store(actor, owner, null, typeCode, facts, channel, upload, content);
    }

    /**
     * Stores a new document in {@code owner}'s vault for one request: a file sent with a message or a
     * complement. It is the request's piece rather than a document the usager chose to keep: when no live
     * request needs it any more (the request purged, anonymised or deleted, and no other request reusing
     * it), {@link EndedRequestFiles} erases it. The same rights as {@link #upload}, and the actor must be
     * able to see the request (it exists in their collectivité); attach it to the request
     * afterwards ({@code PieceReuse.uploadAndAttach} does both).
     *
     * @param actor the usager or agent who uploads
     * @param owner whose vault receives it
     * @param request the request it is filed with
     * @param typeCode the piece it is
     * @param facts its issue date, holder's birth date or printed expiry, when known
     * @param channel how the file arrived
     * @param upload the file's name and sizes
     * @param content the bytes; the caller closes it
     * @return the new document
     * @throws org.opengru.documents.ingest.UploadRejectedException when the file is refused (nothing stored)
     * @throws AccessDeniedException when the actor may not upload into this vault or see the request
     */
    public Document uploadFor(
            Principal actor,
            UsagerId owner,
            RequestId request,
            DocumentTypeCode typeCode,
            DocumentFacts facts,
            Channel channel,
            UploadRequest upload,
            InputStream content) {
        access.checkSee(actor, Objects.requireNonNull(request, "request"), "file a document with");
        return store(actor, owner, request, typeCode, facts, channel, upload, content);
    }

    private Document store(
            Principal actor,
            UsagerId owner,
            @Nullable RequestId filedWith,
            DocumentTypeCode typeCode,
            DocumentFacts facts,
            Channel channel,
            UploadRequest upload,
            InputStream content) {
        Instant at = now();
        checkUpload(actor, owner, at);
        DocumentType type = type(actor.tenant(), typeCode);
        IngestedFile file = ingestor.ingest(upload.withMaxBytes(limit(upload, type)), content);
        DocumentVersion v1 = version(1, file, channel, actor, at, facts);
        Document document = new Document(
                DocumentId.of(ids.nextUuid()), actor.tenant(), owner, typeCode, List.of(v1), at, filedWith);
        storeOrDeleteBlob(file, () -> store.insert(document, file.wrappedKey()));
        events.publish(List.of(
                new DocumentEvent.Uploaded(ids.newEventId(), actor.tenant(), at, document.id(), 1, actor.ref())));
        return document;
    }

    /**
     * Adds a new file to an existing document (a new scan, a renewed card). An usager who may manage the
     * owner's vault; an agent who may read one of the document's versions (attached to a request of their
     * team); nobody else.
     *
     * @param actor the usager or agent
     * @param id the document
     * @param facts the new version's facts
     * @param channel how the file arrived
     * @param upload the file's name and sizes
     * @param content the bytes; the caller closes it
     * @return the document with its new version
     * @throws AccessDeniedException when the actor may not
     * @throws org.opengru.documents.ingest.UploadRejectedException when the file is refused (nothing stored)
     */
    public Document addVersion(
            Principal actor,
            DocumentId id,
            DocumentFacts facts,
            Channel channel,
            UploadRequest upload,
            InputStream content) {
        Instant at = now();
        Document document = require(actor.tenant(), id);
        if (actor instanceof AgentPrincipal) {
            // An agent adds to a document only through a request of their team it is attached to.
            checkReadable(actor, document, at, "add a version to");
        } else {
            checkUpload(actor, document.owner(), at);
        }
        DocumentType type = type(actor.tenant(), document.type());
        IngestedFile file = ingestor.ingest(upload.withMaxBytes(limit(upload, type)), content);
        DocumentVersion v = version(document.versions().size() + 1, file, channel, actor, at, facts);
        storeOrDeleteBlob(file, () -> store.addVersion(actor.tenant(), id, v, file.wrappedKey()));
        events.publish(
                List.of(new DocumentEvent.Uploaded(ids.newEventId(), actor.tenant(), at, id, v.number(), actor.ref())));
        return document.withVersion(v);
    }

    private static long limit(UploadRequest upload, DocumentType type) {
        return upload.maxBytes() > 0 ? Math.min(upload.maxBytes(), type.maxBytes()) : type.maxBytes();
    }

    private void checkUpload(Principal actor, UsagerId owner, Instant at) {
        if (actor instanceof AgentPrincipal && !access.known(actor.tenant(), owner)) {
            // At the counter, for an usager of the agent's own collectivité only.
            throw new NotFoundException("usager", owner.toString());
        }
        if (!(actor instanceof AgentPrincipal) && !access.mayManage(actor, owner, at)) {
            throw new AccessDeniedException(actor.toString(), "upload", "vault", owner.toString());
        }
    }

    /** Metadata first, blob already committed: if the metadata write fails, the blob goes. */
    private void storeOrDeleteBlob(IngestedFile file, Runnable write) {
        try {
            write.run();
        } catch (RuntimeException e) {
            try {
                ingestor.deleteBlob(file.blobKey());
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    private static DocumentVersion version(
            int n, IngestedFile f, Channel channel, Principal actor, Instant at, DocumentFacts facts) {
        return new DocumentVersion(
                n,
                f.blobKey(),
                f.fileName(),
                f.mediaType(),
                f.size(),
                f.sha256(),
                channel,
                actor.ref(),
                at,
                facts,
                new Verification.Unverified());
    }

    private DocumentType type(TenantId tenant, DocumentTypeCode code) {
        return types.find(tenant, code)
                .orElseThrow(() ->
                        new ValidationException("documentType", code.value(), "is not a document type of " + tenant));
    }

    private Document require(TenantId tenant, DocumentId id) {
        return store.find(tenant, id).orElseThrow(() -> new NotFoundException("document", id.toString()));
    }

    /**
     * The documents of a vault the actor may manage.
     *
     * @param actor the usager, or someone acting for them
     * @param owner the vault's owner
     * @return the documents, oldest first
     * @throws AccessDeniedException when the actor may not manage this vault
     */
    public List<Document> vaultOf(Principal actor, UsagerId owner) {
        access.checkManage(actor, owner, now(), "list");
        return store.byOwner(actor.tenant(), owner);
    }

    /**
     * One document, if the actor may read one of its versions.
     *
     * @param actor the usager or agent
     * @param id the document
     * @return the document
     * @throws AccessDeniedException when the actor may read none of its versions
     * @throws NotFoundException when it does not exist
     */
    public Document find(Principal actor, DocumentId id) {
        Document d = require(actor.tenant(), id);
        checkReadable(actor, d, now(), "read");
        return d;
    }

    private void checkReadable(Principal actor, Document d, Instant at, String operation) {
        boolean any = false;
        for (DocumentVersion v : d.versions()) {
            any |= access.mayRead(actor, d, v.number(), at);
        }
        if (!any) {
            throw new AccessDeniedException(actor.toString(), operation, "document", d.id().toString());
        }
    }

    /**
     * Marks a version as checked against the original by an agent who may see it.
     *
     * @param agent the agent
     * @param id the document
     * @param version the version's number
     * @return the document with the version verified
     * @throws AccessDeniedException when the agent may not see it
     */
    public Document verify(AgentPrincipal agent, DocumentId id, int version) {
        return setVerification(agent, id, version, new Verification.Verified(agent.agent(), now()));
    }

    /**
     * Refuses a version, with the reason shown to the usager.
     *
     * @param agent the agent
     * @param id the document
     * @param version the version's number
     * @param reason the reason, in plain French, up to 1000 characters
     * @return the document with the version rejected
     * @throws AccessDeniedException when the agent may not see it
     */
    public Document reject(AgentPrincipal agent, DocumentId id, int version, String reason) {
        return setVerification(agent, id, version, new Verification.Rejected(agent.agent(), now(), reason));
    }

    private Document setVerification(AgentPrincipal agent, DocumentId id, int version, Verification v) {
        Document d = require(agent.tenant(), id);
        d.version(version);
        if (!access.mayRead(agent, d, version, now())) {
            throw new AccessDeniedException(agent.toString(), "verify", "document", id + "/v" + version);
        }
        store.setVerification(agent.tenant(), id, version, v);
        Instant at = v instanceof Verification.Verified ok ? ok.at() : ((Verification.Rejected) v).at();
        events.publish(List.of(
                v instanceof Verification.Verified
                        ? new DocumentEvent.Verified(ids.newEventId(), agent.tenant(), at, id, version, agent.ref())
                        : new DocumentEvent.Rejected(ids.newEventId(), agent.tenant(), at, id, version, agent.ref())));
        return d.withVerification(version, v);
    }

    /**
     * Whether a version is valid on a date, by its type's rule.
     *
     * @param d the document
     * @param version the version's number
     * @param on the day
     * @return the validity
     */
    public Validity validity(Document d, int version, LocalDate on) {
        DocumentType type = type(d.tenant(), d.type());
        return type.validity().evaluate(d.version(version).facts(), on);
    }

    /**
     * Opens a version for download, through the access policy only.
     *
     * @param actor the usager or agent
     * @param id the document
     * @param version the version's number
     * @return the decrypted content with its name, type and digest; the caller closes it
     * @throws AccessDeniedException when the actor may not read it
     * @throws NotFoundException when it does not exist or was erased
     */
    public Download download(Principal actor, DocumentId id, int version) {
        Document d = require(actor.tenant(), id);
        DocumentVersion v = d.version(version);
        if (!access.mayRead(actor, d, version, now())) {
            throw new AccessDeniedException(actor.toString(), "download", "document", id + "/v" + version);
        }
        WrappedKey key = store.wrappedKey(actor.tenant(), id, version)
                .orElseThrow(() -> new NotFoundException("documentKey", id + "/v" + version));
        return new Download(
                ingestor.open(v.blobKey(), key),
                v.mediaType().mediaType(),
                v.size(),
                v.sha256(),
                v.fileName(),
                ContentDisposition.attachment(v.fileName()));
    }

    /**
     * Erases a document: its wrapped keys and metadata first (after which no copy of the blobs, backups
     * included, can be decrypted), then the blobs.
     *
     * @param actor the usager or someone acting for them
     * @param id the document
     * @throws AccessDeniedException when the actor may not manage the owner's vault
     */
    public void erase(Principal actor, DocumentId id) {
        Instant at = now();
        Document d = require(actor.tenant(), id);
        access.checkManage(actor, d.owner(), at, "erase");
        List<org.opengru.documents.storage.BlobKey> blobs = store.erase(actor.tenant(), id);
        for (org.opengru.documents.storage.BlobKey b : blobs) {
            ingestor.deleteBlob(b);
        }
        events.publish(List.of(new DocumentEvent.Erased(ids.newEventId(), actor.tenant(), at, id, actor.ref())));
    }

    /**
     * Re-wraps, under the current master key, the data keys of one collectivité that an older master
     * key wrapped (key rotation). Files are not read or rewritten. Run it until it returns 0, then the
     * old master key can be retired.
     *
     * @param tenant the collectivité
     * @param batch how many keys at most
     * @return how many keys were re-wrapped in this batch
     */
    public int rotateKeys(TenantId tenant, int batch) {
        String current = ingestor.currentKeyId();
        int done = 0;
        for (org.opengru.documents.store.StoredKey k : store.keysNotWrappedWith(tenant, current, batch)) {
            WrappedKey replacement = ingestor.rewrap(k.blobKey(), k.key());
            if (store.replaceKey(tenant, k.document(), k.version(), k.key(), replacement)) {
                done++;
            }
        }
        return done;
    }

    /**
     * The vault's share of RGPD subject access and erasure, to register with gru-core; {@code requests}
     * tells which requests are still kept as administrative files (what is attached to them stays).
     *
     * @param requests gru-core's requests
     * @return the contributor
     */
    public DocumentsSubjectData subjectData(RequestStore requests) {
        return new DocumentsSubjectData(store, ingestor, AdministrativeFiles.of(requests));
    }

    /**
     * The usager's documents, data proofs and reuse agreements in their 360° timeline.
     *
     * @return the contributor
     */
    public DocumentTimeline timeline() {
        return new DocumentTimeline(store, types);
    }

    /**
     * Erases the files and data proofs of requests whose life ended ({@link EndedRequestFiles}): run its
     * {@link EndedRequestFiles#sweep} from a scheduler, and pass it to gru-core's {@code PurgeJob} as its
     * listener so that the files go at once. {@code requests} tells which requests are still alive.
     *
     * @param requests gru-core's requests
     * @return the sweeper
     */
    public EndedRequestFiles endedRequestFiles(RequestStore requests) {
        return new EndedRequestFiles(store, ingestor, LiveRequests.of(requests), clock);
    }

    /**
     * Whether this actor is an usager acting for {@code owner} now.
     *
     * @param actor the principal
     * @param owner the vault's owner
     * @return {@code true} for the owner or a representative now
     */
    public boolean actsFor(Principal actor, UsagerId owner) {
        return actor instanceof UsagerPrincipal && access.mayManage(actor, owner, now());
    }

    /** Wires the vault. Clock, store, ingestor and representations are required. */
    public static final class Builder {
        private @Nullable Clock clock;
        private @Nullable IdGenerator ids;
        private @Nullable DocumentStore store;
        private @Nullable DocumentIngestor ingestor;
        private DocumentTypes types = DocumentTypes.national();
        private @Nullable Representations representations;
        private RequestVisibility requestVisibility = RequestVisibility.none();
        private DomainEventPublisher events = DomainEventPublisher.none();

        private Builder() {}

        /**
         * The clock of upload dates and validity (required).
         *
         * @param clock the application's clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /**
         * The identifiers of new documents and events (required).
         *
         * @param ids the generator
         * @return this builder
         */
        public Builder ids(IdGenerator ids) {
            this.ids = ids;
            return this;
        }

        /**
         * The documents' metadata (required).
         *
         * @param store the store
         * @return this builder
         */
        public Builder store(DocumentStore store) {
            this.store = store;
            return this;
        }

        /**
         * Screens, encrypts and stores the files (required).
         *
         * @param ingestor the ingestor
         * @return this builder
         */
        public Builder ingestor(DocumentIngestor ingestor) {
            this.ingestor = ingestor;
            return this;
        }

        /**
         * The document types; the national ones by default.
         *
         * @param types the types
         * @return this builder
         */
        public Builder types(DocumentTypes types) {
            this.types = types;
            return this;
        }

        /**
         * Who acts for whom: gru-core's households and mandates (required).
         *
         * @param representations the representations
         * @return this builder
         */
        public Builder representations(Representations representations) {
            this.representations = representations;
            return this;
        }

        /**
         * Which requests an actor may see; otherwise none (no agent reads a vault document).
         *
         * @param visibility the visibility
         * @return this builder
         */
        public Builder requestVisibility(RequestVisibility visibility) {
            this.requestVisibility = Objects.requireNonNull(visibility, "requestVisibility");
            return this;
        }

        /**
         * Where the vault's events are published.
         *
         * @param events the publisher
         * @return this builder
         */
        public Builder events(DomainEventPublisher events) {
            this.events = Objects.requireNonNull(events, "events");
            return this;
        }

        /**
         * Builds the vault.
         *
         * @return the vault, thread-safe
         * @throws NullPointerException naming the first missing part
         */
        public DocumentVault build() {
            return new DocumentVault(this);
        }
    }
}
