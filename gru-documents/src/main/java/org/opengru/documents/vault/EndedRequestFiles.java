package org.opengru.documents.vault;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.opengru.core.error.ValidationException;
import org.opengru.core.id.RequestId;
import org.opengru.core.rgpd.EndOfLife;
import org.opengru.core.rgpd.RequestEndListener;
import org.opengru.core.tenancy.TenantId;
import org.opengru.documents.ingest.DocumentIngestor;
import org.opengru.documents.reuse.Attachment;
import org.opengru.documents.reuse.ProofAttachment;
import org.opengru.documents.storage.BlobKey;
import org.opengru.documents.store.DocumentStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes what no live request needs any more: when a request's life ended (purged or anonymised by
 * gru-core's retention job, or a draft deleted), its data proofs and its attachments go, and so do the
 * documents filed with it ({@link DocumentVault#uploadFor}: files sent with its messages and complements)
 * unless another live request uses them. Documents are crypto-shredded as erasure does it: wrapped keys
 * and rows first, then the blobs. A document of the usager's own vault that the request merely referred
 * to stays: the vault keeps it for reuse until the usager erases it; only the request's reference to it
 * goes.
 *
 * <p>The retention job and this class work on different stores, possibly different databases, so no
 * transaction spans both. {@link #ended} (a gru-core {@link RequestEndListener}: pass it to the {@code
 * PurgeJob}) releases a request's files as soon as its end is committed; {@link #sweep} is the safety net
 * that finds, from this store's side, every request it refers to that gru-core no longer holds alive
 * ({@link LiveRequests}), and releases them. Both are idempotent: every step deletes what is still there
 * and the request's references go last, so a run stopped midway (crash, lost connection) is finished by
 * the next sweep, and several nodes may run them at once (a second node finds the rows gone and counts
 * nothing). A request unknown to gru-core whose newest reference is younger than the grace period is
 * left alone: it may be a request whose creation has not committed yet.
 */
public final class EndedRequestFiles implements RequestEndListener {

    private static final Logger LOG = LoggerFactory.getLogger(EndedRequestFiles.class);

    /** How young a reference to a request unknown to gru-core may be and still be left alone. */
    public static final Duration DEFAULT_GRACE = Duration.ofDays(1);

    /** How many referenced requests a sweep reads at once. */
    public static final int DEFAULT_BATCH = 200;

    private final DocumentStore store;
    private final DocumentIngestor ingestor;
    private final LiveRequests live;
    private final Clock clock;
    private final Duration grace;
    private final int batchSize;

    /**
     * What one release or sweep deleted.
     *
     * @param requests how many ended requests were released
     * @param documents how many documents were erased
     * @param proofs how many data proofs were erased
     * @param attachments how many attachments were removed
     */
    public record Released(int requests, int documents, int proofs, int attachments) {
        /** Nothing released. */
        public static final Released NONE = new Released(0, 0, 0, 0);

        /**
         * The sum of two passes.
         *
         * @param other the other pass
         * @return the sums
         */
        public Released plus(Released other) {
            return new Released(
                    requests + other.requests,
                    documents + other.documents,
                    proofs + other.proofs,
                    attachments + other.attachments);
        }
    }

    /**
     * A sweeper with the default grace ({@link #DEFAULT_GRACE}) and batch ({@link #DEFAULT_BATCH}).
     *
     * @param store the documents' metadata
     * @param ingestor deletes the blobs
     * @param live which requests are still alive
     * @param clock the current time, for the grace
     */
    public EndedRequestFiles(DocumentStore store, DocumentIngestor ingestor, LiveRequests live, Clock clock) {
        this(store, ingestor, live, clock, DEFAULT_GRACE, DEFAULT_BATCH);
    }

    /**
     * A sweeper.
     *
     * @param store the documents' metadata
     * @param ingestor deletes the blobs
     * @param live which requests are still alive
     * @param clock the current time, for the grace
     * @param grace how long a file filed with a request is kept before the request exists (an upload before
     *     the submission)
     * @param batchSize how many requests a pass reads at once
     */
    public EndedRequestFiles(
            DocumentStore store,
            DocumentIngestor ingestor,
            LiveRequests live,
            Clock clock,
            Duration grace,
            int batchSize) {
        this.store = Objects.requireNonNull(store, "store");
        this.ingestor = Objects.requireNonNull(ingestor, "ingestor");
        this.live = Objects.requireNonNull(live, "live");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (grace == null || grace.isNegative()) {
            throw new ValidationException("grace", grace, "must be zero or positive");
        }
        if (batchSize < 1) {
            throw new ValidationException("batchSize", batchSize, "must be 1 or more");
        }
        this.grace = grace;
        this.batchSize = batchSize;
    }

    /** gru-core's retention job ended the request: its files go now. */
    @Override
    public void ended(TenantId tenant, RequestId request, EndOfLife how) {
        release(tenant, request);
    }

    /**
     * Releases one request's files if gru-core no longer holds it alive (nothing otherwise): for a caller
     * that knows the request just ended.
     *
     * @param tenant the collectivité
     * @param request the request that ended
     * @return what was released
     */
    public Released release(TenantId tenant, RequestId request) {
        if (live.live(tenant, request)) {
            return Released.NONE;
        }
        return releaseEnded(tenant, request, null);
    }

    /**
     * One pass over every request this store refers to in {@code tenant}: those gru-core no longer holds
     * alive lose their files. Call it from any scheduler (the Spring starter runs it every 6 hours).
     *
     * @param tenant the collectivité
     * @return what was released. Idempotent: a second pass finds nothing more
     */
    public Released sweep(TenantId tenant) {
        Instant youngFrom = clock.instant().minus(grace);
        Released total = Released.NONE;
        RequestId after = null;
        List<RequestId> batch;
        while (!(batch = store.referencedRequests(tenant, after, batchSize)).isEmpty()) {
            for (RequestId request : batch) {
                if (!live.live(tenant, request)) {
                    total = total.plus(releaseEnded(tenant, request, youngFrom));
                }
            }
            after = batch.get(batch.size() - 1);
        }
        if (total.requests() > 0) {
            LOG.info(
                    "ended requests {}: files of {} released ({} documents erased, {} data proofs, {} attachments)",
                    tenant,
                    total.requests(),
                    total.documents(),
                    total.proofs(),
                    total.attachments());
        }
        return total;
    }

    /**
     * @param youngFrom when not null, a request with a reference made at or after this instant is left
     *     alone (its creation may not have committed yet)
     */
    private Released releaseEnded(TenantId tenant, RequestId request, @Nullable Instant youngFrom) {
        List<Attachment> attachments = store.attachments(tenant, request);
        List<ProofAttachment> proofs = store.proofs(tenant, request);
        List<Document> filed = store.filedWith(tenant, request);
        if (youngFrom != null && young(attachments, proofs, filed, youngFrom)) {
            return Released.NONE;
        }
        Instant recentFrom = clock.instant().minus(grace);
        Set<DocumentId> documents = new LinkedHashSet<>();
        filed.forEach(d -> documents.add(d.id()));
        attachments.forEach(a -> documents.add(a.document()));
        int erased = 0;
        for (DocumentId id : documents) {
            Optional<Document> d = store.find(tenant, id);
            if (d.isPresent() && d.get().filedWith() != null && !neededElsewhere(d.get(), request, recentFrom)) {
                erased += erase(tenant, id) ? 1 : 0;
            }
        }
        int proofsErased = 0;
        for (ProofAttachment p : proofs) {
            proofsErased += store.eraseProof(tenant, p.id()) ? 1 : 0;
        }
        // Last: while a reference is left, the next sweep finds the request again.
        int detached = store.removeAttachments(tenant, request);
        boolean any = erased + proofsErased + detached > 0;
        return new Released(any ? 1 : 0, erased, proofsErased, detached);
    }

    private static boolean young(
            List<Attachment> attachments, List<ProofAttachment> proofs, List<Document> filed, Instant youngFrom) {
        return attachments.stream().anyMatch(a -> !a.attachedAt().isBefore(youngFrom))
                || proofs.stream().anyMatch(p -> !p.attachedAt().isBefore(youngFrom))
                || filed.stream().anyMatch(d -> !d.createdAt().isBefore(youngFrom));
    }

    /**
     * Whether another request still needs a filed document: the one it was filed with, or one it was
     * attached to since (the usager reused it), alive or too recent to tell.
     */
    private boolean neededElsewhere(Document d, RequestId ended, Instant recentFrom) {
        RequestId filedWith = Objects.requireNonNull(d.filedWith());
        if (!filedWith.equals(ended)
                && (live.live(d.tenant(), filedWith) || !d.createdAt().isBefore(recentFrom))) {
            return true;
        }
        for (Attachment a : store.attachmentsOf(d.tenant(), d.id())) {
            if (!a.request().equals(ended)
                    && (live.live(d.tenant(), a.request()) || !a.attachedAt().isBefore(recentFrom))) {
                return true;
            }
        }
        return false;
    }

    /** Keys and rows first (the files are unreadable from then on, backups included), then the blobs. */
    private boolean erase(TenantId tenant, DocumentId id) {
        List<BlobKey> blobs = store.erase(tenant, id);
        for (BlobKey b : blobs) {
            try {
                ingestor.deleteBlob(b);
            } catch (RuntimeException e) {
                LOG.warn(
                        "document {} erased; its blob {} could not be deleted (unreadable: its key is gone)", id, b, e);
            }
        }
        return !blobs.isEmpty();
    }
}
