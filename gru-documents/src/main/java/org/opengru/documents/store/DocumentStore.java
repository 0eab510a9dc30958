package org.opengru.documents.store;

import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.opengru.core.id.RequestId;
import org.opengru.core.id.UsagerId;
import org.opengru.core.tenancy.TenantId;
import org.opengru.documents.crypto.WrappedKey;
import org.opengru.documents.reuse.Attachment;
import org.opengru.documents.reuse.ProofAttachment;
import org.opengru.documents.reuse.ReuseConsent;
import org.opengru.documents.storage.BlobKey;
import org.opengru.documents.store.internal.InMemoryDocumentStore;
import org.opengru.documents.store.internal.PostgresDocumentStore;
import org.opengru.documents.vault.Document;
import org.opengru.documents.vault.DocumentId;
import org.opengru.documents.vault.DocumentVersion;
import org.opengru.documents.vault.Verification;

/**
 * The port to document metadata. Every method is tenant-scoped: a document of another collectivité
 * is never found. Each write is atomic. Wrapped data keys live here, apart from the blobs, so that
 * {@link #erase} makes the files unreadable for good. The contract test is {@code
 * org.opengru.test.documents.DocumentStoreContract} in gru-test.
 */
public interface DocumentStore {

    /**
     * Stores a new document with its single first version and that version's wrapped key.
     *
     * @param document the document, with its first version
     * @param key the first version's wrapped data key
     * @throws org.opengru.core.error.AlreadyExistsException when the id is taken
     */
    void insert(Document document, WrappedKey key);

    /**
     * Appends a version; its number must be the current count + 1.
     *
     * @param tenant the collectivité
     * @param id the document
     * @param version the new version
     * @param key its wrapped data key
     * @throws org.opengru.core.error.NotFoundException when there is no such document
     * @throws org.opengru.core.error.ConcurrentUpdateException when another version was added meanwhile
     */
    void addVersion(TenantId tenant, DocumentId id, DocumentVersion version, WrappedKey key);

    /**
     * Replaces a version's verification state.
     *
     * @param tenant the collectivité
     * @param id the document
     * @param version the version's number
     * @param verification the agent's verdict
     * @throws org.opengru.core.error.NotFoundException when there is no such document or version
     */
    void setVerification(TenantId tenant, DocumentId id, int version, Verification verification);

    /**
     * A document of the collectivité.
     *
     * @param tenant the collectivité
     * @param id the document
     * @return the document, or empty (also when erased)
     */
    Optional<Document> find(TenantId tenant, DocumentId id);

    /**
     * The documents of one vault, oldest first.
     *
     * @param tenant the collectivité
     * @param owner the usager whose vault it is
     * @return the documents, possibly none
     */
    List<Document> byOwner(TenantId tenant, UsagerId owner);

    /**
     * The wrapped data key of one version; empty once erased.
     *
     * @param tenant the collectivité
     * @param id the document
     * @param version the version's number
     * @return the wrapped key, or empty
     */
    Optional<WrappedKey> wrappedKey(TenantId tenant, DocumentId id, int version);

    /**
     * Deletes a document: its metadata and, above all, its wrapped keys (crypto-shredding). Attachments
     * that referenced it remain as dangling references (the request keeps its history).
     *
     * @param tenant the collectivité
     * @param id the document
     * @return the blob keys of its versions, for the caller to delete; empty when there was no such document
     */
    List<BlobKey> erase(TenantId tenant, DocumentId id);

    /**
     * Wrapped keys of that collectivité not wrapped by master key {@code keyId}, at most {@code limit}:
     * what a key rotation still has to re-wrap.
     *
     * @param tenant the collectivité
     * @param keyId the current master key's id
     * @param limit the size of the batch
     * @return the keys still to re-wrap
     */
    List<StoredKey> keysNotWrappedWith(TenantId tenant, String keyId, int limit);

    /**
     * Replaces a wrapped key, only if it is still {@code expected} (compare-and-set).
     *
     * @param tenant the collectivité
     * @param id the document
     * @param version the version's number
     * @param expected the wrapped key read before re-wrapping
     * @param replacement the re-wrapped key
     * @return {@code false} when it changed meanwhile or was erased
     */
    boolean replaceKey(TenantId tenant, DocumentId id, int version, WrappedKey expected, WrappedKey replacement);

    /**
     * Records a consent (append-only).
     *
     * @param consent the consent
     */
    void recordConsent(ReuseConsent consent);

    /**
     * The consents recorded for a request, oldest first.
     *
     * @param tenant the collectivité
     * @param request the request
     * @return the consents, possibly none
     */
    List<ReuseConsent> consents(TenantId tenant, RequestId request);

    /**
     * The consents recorded for documents of one usager's vault, whatever the request, oldest first.
     *
     * @param tenant the collectivité
     * @param usager the vault's owner
     * @return the consents, possibly none
     */
    List<ReuseConsent> consentsOf(TenantId tenant, UsagerId usager);

    /**
     * Records an attachment.
     *
     * @param attachment the attachment
     * @throws org.opengru.core.error.AlreadyExistsException when that document is already attached to that request for that piece
     */
    void attach(Attachment attachment);

    /**
     * The attachments of a request, oldest first.
     *
     * @param tenant the collectivité
     * @param request the request
     * @return the attachments, possibly none
     */
    List<Attachment> attachments(TenantId tenant, RequestId request);

    /**
     * The requests a document is attached to, oldest first.
     *
     * @param tenant the collectivité
     * @param document the document
     * @return the attachments, possibly none
     */
    List<Attachment> attachmentsOf(TenantId tenant, DocumentId document);

    /**
     * Records a data proof with a request (append-only).
     *
     * @param proof the recorded proof
     * @throws org.opengru.core.error.AlreadyExistsException when that id is taken
     */
    void attachProof(ProofAttachment proof);

    /**
     * The data proofs recorded with a request, oldest first.
     *
     * @param tenant the collectivité
     * @param request the request
     * @return the proofs, possibly none
     */
    List<ProofAttachment> proofs(TenantId tenant, RequestId request);

    /**
     * The data proofs about one usager (fetched about them), whatever the request, oldest first.
     *
     * @param tenant the collectivité
     * @param usager the person the data is about
     * @return the proofs, possibly none
     */
    List<ProofAttachment> proofsAbout(TenantId tenant, UsagerId usager);

    /**
     * Deletes a data proof (a real delete: the fetched data goes). The request's piece keeps its {@code
     * proof:} reference, dangling, like an erased document's.
     *
     * @param tenant the collectivité
     * @param id the proof's id
     * @return {@code false} when there was no such proof
     */
    boolean eraseProof(TenantId tenant, java.util.UUID id);

    /**
     * The documents filed with a request ({@link Document#filedWith()}), oldest first.
     *
     * @param tenant the collectivité
     * @param request the request
     * @return the documents, possibly none
     */
    List<Document> filedWith(TenantId tenant, RequestId request);

    /**
     * The requests this store refers to (by an attachment, a data proof or a filed document), in the order
     * of their ids as text, after {@code after} (exclusive; {@code null}: from the first), at most {@code
     * limit}: what the sweep of ended requests walks.
     *
     * @param tenant the collectivité
     * @param after the last request of the previous page, or {@code null}
     * @param limit the page's size
     * @return the requests, possibly none
     */
    List<RequestId> referencedRequests(TenantId tenant, @Nullable RequestId after, int limit);

    /**
     * Deletes a request's attachments (the references; the documents stay unless erased on their own).
     *
     * @param tenant the collectivité
     * @param request the request
     * @return how many were deleted
     */
    int removeAttachments(TenantId tenant, RequestId request);

    /**
     * Metadata in memory: the embedded default.
     *
     * @return an empty store, thread-safe
     */
    static DocumentStore inMemory() {
        return new InMemoryDocumentStore();
    }

    /**
     * Metadata in PostgreSQL; run {@link #migrations()} first.
     *
     * @param dataSource the database
     * @return the store
     */
    static DocumentStore postgres(DataSource dataSource) {
        return new PostgresDocumentStore(dataSource);
    }

    /**
     * This module's SQL migrations ({@code db/opengru/documents/V1__documents.sql}, {@code V2__data_proofs.sql},
     * {@code V3__by_usager.sql}, {@code V4__ended_requests.sql}).
     *
     * @return the migrations, for gru-core's runner
     */
    static org.opengru.core.jdbc.Migrations migrations() {
        return org.opengru.core.jdbc.Migrations.of(
                "documents",
                List.of("V1__documents.sql", "V2__data_proofs.sql", "V3__by_usager.sql", "V4__ended_requests.sql"));
    }
}
