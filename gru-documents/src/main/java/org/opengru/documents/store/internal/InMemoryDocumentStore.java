package org.opengru.documents.store.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.opengru.core.error.AlreadyExistsException;
import org.opengru.core.error.ConcurrentUpdateException;
import org.opengru.core.error.NotFoundException;
import org.opengru.core.id.RequestId;
import org.opengru.core.id.UsagerId;
import org.opengru.core.tenancy.TenantId;
import org.opengru.documents.crypto.WrappedKey;
import org.opengru.documents.reuse.Attachment;
import org.opengru.documents.reuse.ProofAttachment;
import org.opengru.documents.reuse.ReuseConsent;
import org.opengru.documents.storage.BlobKey;
import org.opengru.documents.store.DocumentStore;
import org.opengru.documents.store.StoredKey;
import org.opengru.documents.vault.Document;
import org.opengru.documents.vault.DocumentId;
import org.opengru.documents.vault.DocumentVersion;
import org.opengru.documents.vault.Verification;

/** Metadata in maps, guarded by one lock (each method is one atomic step). */
public final class InMemoryDocumentStore implements DocumentStore {
    private record Key(TenantId tenant, DocumentId id) {}

    private record VersionKey(TenantId tenant, DocumentId id, int version) {}

    private final Map<Key, Document> documents = new LinkedHashMap<>();
    private final Map<VersionKey, WrappedKey> keys = new HashMap<>();
    private final List<ReuseConsent> consents = new ArrayList<>();
    private final List<Attachment> attachments = new ArrayList<>();
    private final List<ProofAttachment> proofs = new ArrayList<>();

    @Override
    public synchronized void insert(Document document, WrappedKey key) {
        Key k = new Key(document.tenant(), document.id());
        if (documents.containsKey(k)) {
            throw new AlreadyExistsException("document", document.id().toString());
        }
        if (document.versions().size() != 1) {
            throw new IllegalArgumentException("a new document has exactly one version, got "
                    + document.versions().size());
        }
        documents.put(k, document);
        keys.put(new VersionKey(document.tenant(), document.id(), 1), key);
    }

    @Override
    public synchronized void addVersion(TenantId tenant, DocumentId id, DocumentVersion version, WrappedKey key) {
        Document d = require(tenant, id);
        int expected = d.versions().size() + 1;
        if (version.number() != expected) {
            throw new ConcurrentUpdateException(
                    "document",
                    id.toString(),
                    version.number() - 1,
                    d.versions().size());
        }
        documents.put(new Key(tenant, id), d.withVersion(version));
        keys.put(new VersionKey(tenant, id, version.number()), key);
    }

    @Override
    public synchronized void setVerification(TenantId tenant, DocumentId id, int version, Verification verification) {
        Document d = require(tenant, id);
        documents.put(new Key(tenant, id), d.withVerification(version, verification));
    }

    private Document require(TenantId tenant, DocumentId id) {
        Document d = documents.get(new Key(tenant, id));
        if (d == null) {
            throw new NotFoundException("document", id.toString());
        }
        return d;
    }

    @Override
    public synchronized Optional<Document> find(TenantId tenant, DocumentId id) {
        return Optional.ofNullable(documents.get(new Key(tenant, id)));
    }

    @Override
    public synchronized List<Document> byOwner(TenantId tenant, UsagerId owner) {
        return documents.values().stream()
                .filter(d -> d.tenant().equals(tenant) && d.owner().equals(owner))
                .sorted(Comparator.comparing(Document::createdAt))
                .toList();
    }

    @Override
    public synchronized Optional<WrappedKey> wrappedKey(TenantId tenant, DocumentId id, int version) {
        return Optional.ofNullable(keys.get(new VersionKey(tenant, id, version)));
    }

    @Override
    public synchronized List<BlobKey> erase(TenantId tenant, DocumentId id) {
        Document d = documents.remove(new Key(tenant, id));
        if (d == null) {
            return List.of();
        }
        d.versions().forEach(v -> keys.remove(new VersionKey(tenant, id, v.number())));
        return d.versions().stream().map(DocumentVersion::blobKey).toList();
    }

    @Override
    public synchronized List<StoredKey> keysNotWrappedWith(TenantId tenant, String keyId, int limit) {
        List<StoredKey> out = new ArrayList<>();
        for (Map.Entry<VersionKey, WrappedKey> e : keys.entrySet()) {
            VersionKey k = e.getKey();
            if (out.size() < limit
                    && k.tenant().equals(tenant)
                    && !e.getValue().keyId().equals(keyId)) {
                Document d = documents.get(new Key(k.tenant(), k.id()));
                out.add(new StoredKey(
                        k.id(), k.version(), d.version(k.version()).blobKey(), e.getValue()));
            }
        }
        return out;
    }

    @Override
    public synchronized boolean replaceKey(
            TenantId tenant, DocumentId id, int version, WrappedKey expected, WrappedKey replacement) {
        return keys.replace(new VersionKey(tenant, id, version), expected, replacement);
    }

    @Override
    public synchronized void recordConsent(ReuseConsent consent) {
        consents.add(consent);
    }

    @Override
    public synchronized List<ReuseConsent> consents(TenantId tenant, RequestId request) {
        return consents.stream()
                .filter(c -> c.tenant().equals(tenant) && c.request().equals(request))
                .toList();
    }

    @Override
    public synchronized List<ReuseConsent> consentsOf(TenantId tenant, UsagerId usager) {
        return consents.stream()
                .filter(c -> c.tenant().equals(tenant) && c.usager().equals(usager))
                .toList();
    }

    @Override
    public synchronized void attach(Attachment a) {
        boolean duplicate = attachments.stream()
                .anyMatch(x -> x.tenant().equals(a.tenant())
                        && x.request().equals(a.request())
                        && x.piece().equals(a.piece())
                        && x.document().equals(a.document()));
        if (duplicate) {
            throw new AlreadyExistsException("attachment", a.request() + "/" + a.piece() + "/" + a.document());
        }
        attachments.add(a);
    }

    @Override
    public synchronized List<Attachment> attachments(TenantId tenant, RequestId request) {
        return attachments.stream()
                .filter(a -> a.tenant().equals(tenant) && a.request().equals(request))
                .toList();
    }

    @Override
    public synchronized List<Attachment> attachmentsOf(TenantId tenant, DocumentId document) {
        return attachments.stream()
                .filter(a -> a.tenant().equals(tenant) && a.document().equals(document))
                .toList();
    }

    @Override
    public synchronized void attachProof(ProofAttachment proof) {
        if (proofs.stream().anyMatch(p -> p.tenant().equals(proof.tenant()) && p.id().equals(proof.id()))) {
            throw new AlreadyExistsException("proof", proof.id().toString());
        }
        proofs.add(proof);
    }

    @Override
    public synchronized List<ProofAttachment> proofs(TenantId tenant, RequestId request) {
        return proofsWhere(tenant, p -> p.request().equals(request));
    }

    @Override
    public synchronized List<ProofAttachment> proofsAbout(TenantId tenant, UsagerId usager) {
        return proofsWhere(tenant, p -> p.usager().equals(usager));
    }

    private List<ProofAttachment> proofsWhere(TenantId tenant, java.util.function.Predicate<ProofAttachment> filter) {
        return proofs.stream()
                .filter(p -> p.tenant().equals(tenant) && filter.test(p))
                .sorted(Comparator.comparing(ProofAttachment::attachedAt))
                .toList();
    }

    @Override
    public synchronized List<Document> filedWith(TenantId tenant, RequestId request) {
        return documents.values().stream()
                .filter(d -> d.tenant().equals(tenant) && request.equals(d.filedWith()))
                .sorted(Comparator.comparing(Document::createdAt))
                .toList();
    }

    @Override
    public synchronized List<RequestId> referencedRequests(TenantId tenant, @Nullable RequestId after, int limit) {
        // RequestId orders as PostgreSQL orders uuids (bytes, unsigned).
        TreeSet<RequestId> ids = new TreeSet<>();
        attachments.stream().filter(a -> a.tenant().equals(tenant)).forEach(a -> ids.add(a.request()));
        proofs.stream().filter(p -> p.tenant().equals(tenant)).forEach(p -> ids.add(p.request()));
        for (Document d : documents.values()) {
            if (d.tenant().equals(tenant) && d.filedWith() != null) {
                ids.add(d.filedWith());
            }
        }
        return (after == null ? ids : ids.tailSet(after, false))
                .stream().limit(Math.max(0, limit)).toList();
    }

    @Override
    public synchronized int removeAttachments(TenantId tenant, RequestId request) {
        int before = attachments.size();
        attachments.removeIf(a -> a.tenant().equals(tenant) && a.request().equals(request));
        return before - attachments.size();
    }

    @Override
    public synchronized boolean eraseProof(TenantId tenant, java.util.UUID id) {
        return proofs.removeIf(p -> p.tenant().equals(tenant) && p.id().equals(id));
    }
}
