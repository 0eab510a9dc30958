package org.opengru.documents.reuse;

import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.opengru.core.catalogue.DocumentTypeCode;
import org.opengru.core.catalogue.ProcedureCode;
import org.opengru.core.catalogue.RequiredPiece;
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
import org.opengru.core.principal.SystemPrincipal;
import org.opengru.core.proof.DataProof;
import org.opengru.core.proof.DataProofProvider;
import org.opengru.core.rgpd.ConsentLedger;
import org.opengru.core.rgpd.ConsentRecord;
import org.opengru.documents.ingest.UploadRequest;
import org.opengru.documents.store.DocumentStore;
import org.opengru.documents.types.DocumentFacts;
import org.opengru.documents.types.Validity;
import org.opengru.documents.vault.Document;
import org.opengru.documents.vault.DocumentEvent;
import org.opengru.documents.vault.DocumentId;
import org.opengru.documents.vault.DocumentVault;
import org.opengru.documents.vault.DocumentVersion;
import org.opengru.documents.vault.Verification;

/**
 * "Dites-le-nous une fois": matches a démarche's required pieces against the usager's vault and data
 * proofs, records the usager's consent for one request, and attaches documents by reference.
 *
 * <pre>{@code
 * ReusePlan plan = reuse.plan(usager, usagerId, procedure.piecesFor(form));
 * reuse.consent(usager, usagerId, requestId, procedure.code(), chosenDocuments, Channel.WEB);
 * Attachment a = reuse.attach(usager, requestId, piece.type(), documentId);
 * // then the request records new ProvidedPiece(piece.type(), a.documentRef())
 * }</pre>
 */
public final class PieceReuse {
    /** The purpose under which reuse consents go to gru-core's consent ledger, followed by the request id. */
    public static final String CONSENT_PURPOSE_PREFIX = "documents-reuse.";

    private final DocumentVault vault;
    private final DocumentStore store;
    private final DataProofProvider proofs;
    private final Clock clock;
    private final IdGenerator ids;
    private final DomainEventPublisher events;
    private final @Nullable ConsentLedger ledger;

    /**
     * Reuse without a consent ledger.
     *
     * @param vault the usagers' document vaults
     * @param proofs where data proofs are asked (API Particulier)
     * @param clock today's date, for the validity of documents and proofs
     * @param ids the identifiers of consents and proofs
     * @param events where reuse events are published
     */
    public PieceReuse(
            DocumentVault vault, DataProofProvider proofs, Clock clock, IdGenerator ids, DomainEventPublisher events) {
        this(vault, proofs, clock, ids, events, null);
    }

    /**
     * Reuse whose consents are also recorded in gru-core's consent ledger.
     *
     * @param ledger gru-core's consent ledger, where each reuse consent is also recorded (purpose
     *     {@code documents-reuse.<request id>}), or {@code null}
     * @param vault the usagers' document vaults
     * @param proofs where data proofs are asked (API Particulier)
     * @param clock today's date, for the validity of documents and proofs
     * @param ids the identifiers of consents and proofs
     * @param events where reuse events are published
     */
    public PieceReuse(
            DocumentVault vault,
            DataProofProvider proofs,
            Clock clock,
            IdGenerator ids,
            DomainEventPublisher events,
            @Nullable ConsentLedger ledger) {
        this.ledger = ledger;
        this.vault = Objects.requireNonNull(vault, "vault");
        this.store = vault.store();
        this.proofs = Objects.requireNonNull(proofs, "proofs");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.events = Objects.requireNonNull(events, "events");
    }

    /**
     * The plan for today (Europe/Paris).
     *
     * @param actor who asks: the usager or someone acting for them, or an agent
     * @param usager whose vault is searched
     * @param pieces the pieces the démarche requires
     * @return each piece's status
     */
    public ReusePlan plan(Principal actor, UsagerId usager, List<RequiredPiece> pieces) {
        return plan(actor, usager, pieces, vault.today());
    }

    /**
     * For each piece: the best valid stored document (agent-verified first, then the newest), else a
     * data proof, else missing with the reason.
     *
     * @param actor who asks: the usager or someone acting for them, or an agent
     * @param usager whose vault is searched
     * @param pieces the pieces the démarche requires
     * @param on the day the documents must be valid on
     * @return each piece's status
     */
    public ReusePlan plan(Principal actor, UsagerId usager, List<RequiredPiece> pieces, LocalDate on) {
        List<Document> documents = vault.vaultOf(actor, usager);
        List<PieceStatus> out = new ArrayList<>();
        for (RequiredPiece piece : pieces) {
            Optional<PieceStatus.ByDocument> best = candidates(documents, piece, on).stream()
                    .max(Comparator.comparing((PieceStatus.ByDocument c) -> c.verified())
                            .thenComparing(c -> documentById(documents, c.document())
                                    .version(c.version())
                                    .uploadedAt()));
            if (best.isPresent()) {
                out.add(best.get());
                continue;
            }
            // A proof past its own validity is no proof.
            Optional<DataProof> proof = proofs.proofFor(actor.tenant(), usager, piece.type(), on)
                    .filter(p -> p.validUntil() == null || !p.validUntil().isBefore(on));
            if (proof.isPresent()) {
                out.add(new PieceStatus.ByDataProof(piece, proof.get()));
                continue;
            }
            out.add(new PieceStatus.Missing(piece, whyMissing(documents, piece, on)));
        }
        return new ReusePlan(out);
    }

    private List<PieceStatus.ByDocument> candidates(List<Document> documents, RequiredPiece piece, LocalDate on) {
        List<PieceStatus.ByDocument> out = new ArrayList<>();
        for (Document d : documents) {
            if (!d.type().equals(piece.type())) {
                continue;
            }
            DocumentVersion v = usableVersion(d);
            if (v == null) {
                continue;
            }
            Validity validity = vault.validity(d, v.number(), on);
            if (validity.valid()) {
                out.add(new PieceStatus.ByDocument(
                        piece, d.id(), v.number(), v.verification() instanceof Verification.Verified, validity));
            }
        }
        return out;
    }

    /** The newest version an agent did not reject. */
    private static @Nullable DocumentVersion usableVersion(Document d) {
        for (int i = d.versions().size() - 1; i >= 0; i--) {
            DocumentVersion v = d.versions().get(i);
            if (!(v.verification() instanceof Verification.Rejected)) {
                return v;
            }
        }
        return null;
    }

    private String whyMissing(List<Document> documents, RequiredPiece piece, LocalDate on) {
        List<Document> sameType =
                documents.stream().filter(d -> d.type().equals(piece.type())).toList();
        if (sameType.isEmpty()) {
            return "aucun document de ce type dans le coffre";
        }
        for (Document d : sameType) {
            DocumentVersion v = usableVersion(d);
            if (v == null) {
                return "document refusé par un agent";
            }
            Validity validity = vault.validity(d, v.number(), on);
            if (validity.validUntil() != null && validity.validUntil().isBefore(on)) {
                return "document expiré le " + validity.validUntil();
            }
            return "document non valable : " + validity.explanation();
        }
        return "aucun document utilisable";
    }

    private static Document documentById(List<Document> documents, DocumentId id) {
        return documents.stream().filter(d -> d.id().equals(id)).findFirst().orElseThrow();
    }

    /**
     * Records the usager's consent to let {@code request} use these documents of their vault. The actor is
     * an usager who acts for {@code usager} and may see the request (it exists in their collectivité).
     *
     * @param actor the usager who consents
     * @param usager whose vault it is
     * @param request the request that may use the documents
     * @param procedure the request's démarche
     * @param documents the documents consented to
     * @param channel how the consent was given
     * @return the consent
     * @throws AccessDeniedException when the actor does not act for the usager or may not see the request
     * @throws ValidationException when a document is not in that vault
     */
    public ReuseConsent consent(
            Principal actor,
            UsagerId usager,
            RequestId request,
            ProcedureCode procedure,
            Set<DocumentId> documents,
            Channel channel) {
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        if (!vault.actsFor(actor, usager)) {
            throw new AccessDeniedException(actor.toString(), "consent", "vault", usager.toString());
        }
        vault.access().checkSee(actor, request, "consent to reuse for");
        for (DocumentId id : documents) {
            Document d =
                    store.find(actor.tenant(), id).orElseThrow(() -> new NotFoundException("document", id.toString()));
            if (!d.owner().equals(usager)) {
                throw new ValidationException("documents", id.toString(), "is not in the vault of " + usager);
            }
        }
        ReuseConsent consent =
                new ReuseConsent(actor.tenant(), usager, request, procedure, documents, actor.ref(), at, channel);
        store.recordConsent(consent);
        if (ledger != null) {
            ledger.record(new ConsentRecord(
                    actor.tenant(),
                    usager,
                    CONSENT_PURPOSE_PREFIX + request,
                    true,
                    at,
                    procedure.value(),
                    channel.name()));
        }
        return consent;
    }

    /**
     * Attaches the newest usable version of a stored document to a request, by reference. The actor is an
     * usager who may see the request and acts for the document's owner.
     *
     * @param actor the usager who attaches
     * @param request the request
     * @param piece the piece the document stands for
     * @param documentId the stored document
     * @return the attachment, by reference
     * @throws AccessDeniedException when the actor may not see the request or does not act for the owner
     * @throws ConsentRequiredException when no consent for this request covers the document
     * @throws DocumentNotUsableException when it is of another type, rejected or expired
     */
    public Attachment attach(Principal actor, RequestId request, DocumentTypeCode piece, DocumentId documentId) {
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        vault.access().checkSee(actor, request, "attach a document to");
        Document d = store.find(actor.tenant(), documentId)
                .orElseThrow(() -> new NotFoundException("document", documentId.toString()));
        if (!vault.actsFor(actor, d.owner())) {
            throw new AccessDeniedException(actor.toString(), "attach", "document", documentId.toString());
        }
        boolean consented = store.consents(actor.tenant(), request).stream()
                .anyMatch(c -> c.usager().equals(d.owner()) && c.covers(documentId));
        if (!consented) {
            throw new ConsentRequiredException(
                    "no consent of usager " + d.owner() + " lets request " + request + " use document " + documentId);
        }
        if (!d.type().equals(piece)) {
            throw new DocumentNotUsableException(
                    "document " + documentId + " is a '" + d.type() + "', the piece asks for '" + piece + "'");
        }
        DocumentVersion v = usableVersion(d);
        if (v == null) {
            throw new DocumentNotUsableException(
                    "every version of document " + documentId + " was rejected by an agent");
        }
        Validity validity = vault.validity(d, v.number(), vault.today());
        if (!validity.valid()) {
            throw new DocumentNotUsableException(
                    "document " + documentId + " is not valid today: " + validity.explanation()
                            + (validity.validUntil() != null ? " (until " + validity.validUntil() + ")" : ""));
        }
        Attachment a = new Attachment(actor.tenant(), request, piece, documentId, v.number(), actor.ref(), at);
        store.attach(a);
        events.publish(List.of(new DocumentEvent.Attached(
                ids.newEventId(), actor.tenant(), at, documentId, v.number(), request, actor.ref())));
        return a;
    }

    /**
     * Stores a new file in {@code owner}'s vault and attaches it to the request, by reference: a file sent
     * with a message or a complement. The actor must be able to see the request (it exists in their
     * collectivité). An usager must act for the owner; sending the file is their consent
     * to this request's use of it, recorded as such. An agent must be able to see the request; the file
     * goes to the owner's vault (the usager keeps the document the mairie sent) and needs no consent.
     * When the file is refused, nothing is stored or attached. The document is filed with the request
     * ({@link DocumentVault#uploadFor}): it goes when no live request needs it any more.
     *
     * @param actor the usager or agent who sends the file
     * @param owner whose vault receives it
     * @param request the request
     * @param procedure the request's démarche
     * @param type the piece the file stands for
     * @param upload the file's name and sizes
     * @param content the bytes; the caller closes it
     * @param channel how the file arrived
     * @return the attachment, by reference
     * @throws org.opengru.documents.ingest.UploadRejectedException when the file is refused
     * @throws AccessDeniedException when the actor may neither act for the owner nor see the request
     */
    public Attachment uploadAndAttach(
            Principal actor,
            UsagerId owner,
            RequestId request,
            ProcedureCode procedure,
            DocumentTypeCode type,
            UploadRequest upload,
            InputStream content,
            Channel channel) {
        // Checked before anything is stored: the request must exist and be the actor's to see.
        vault.access().checkSee(actor, request, "attach a file to");
        if (actor instanceof AgentPrincipal) {
            Document d = vault.uploadFor(
                    actor, owner, request, type, DocumentFacts.issued(vault.today()), channel, upload, content);
            Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
            Attachment a = new Attachment(actor.tenant(), request, type, d.id(), 1, actor.ref(), at);
            store.attach(a);
            events.publish(List.of(
                    new DocumentEvent.Attached(ids.newEventId(), actor.tenant(), at, d.id(), 1, request, actor.ref())));
            return a;
        }
        if (!vault.actsFor(actor, owner)) {
            throw new AccessDeniedException(actor.toString(), "attach a file to", "request", request.toString());
        }
        Document d = vault.uploadFor(
                actor, owner, request, type, DocumentFacts.issued(vault.today()), channel, upload, content);
        consent(actor, owner, request, procedure, Set.of(d.id()), channel);
        return attach(actor, request, type, d.id());
    }

    /**
     * Records a data proof with a request in place of the piece it replaces, and returns what the
     * request's {@code ProvidedPiece} holds. The actor must be able to see the request (it exists in their
     * collectivité); an usager must also act for the person the data is about (they consented to its
     * fetching).
     *
     * @param actor who records it
     * @param usager the person the data is about
     * @param request the request
     * @param proof the data proof
     * @return the recorded proof
     * @throws DocumentNotUsableException when the proof's own validity has ended
     */
    public ProofAttachment attachProof(Principal actor, UsagerId usager, RequestId request, DataProof proof) {
        vault.access().checkSee(actor, request, "attach a data proof to");
        if (!(actor instanceof AgentPrincipal) && !vault.actsFor(actor, usager)) {
            throw new AccessDeniedException(actor.toString(), "attach a data proof to", "request", request.toString());
        }
        LocalDate today = vault.today();
        if (proof.validUntil() != null && proof.validUntil().isBefore(today)) {
            throw new DocumentNotUsableException(
                    "the data proof for " + proof.replaces() + " was valid until " + proof.validUntil());
        }
        // PostgreSQL keeps microseconds: so does every stored instant, in every adapter.
        DataProof kept = new DataProof(
                proof.replaces(),
                proof.source(),
                proof.description(),
                proof.obtainedAt().truncatedTo(ChronoUnit.MICROS),
                proof.validUntil(),
                proof.attributes());
        ProofAttachment a = new ProofAttachment(
                actor.tenant(),
                request,
                usager,
                ids.nextUuid(),
                kept,
                actor.ref(),
                clock.instant().truncatedTo(ChronoUnit.MICROS));
        store.attachProof(a);
        return a;
    }

    /**
     * The data proofs recorded with a request, for an agent or an usager who may see it. An usager gets the
     * proofs about the people they act for: a proof about someone else never locks them out of their own
     * request, nor is shown to them.
     *
     * @param actor an agent or usager who may see the request
     * @param request the request
     * @return the proofs, possibly none
     */
    public List<ProofAttachment> proofs(Principal actor, RequestId request) {
        if (actor instanceof SystemPrincipal) {
            throw new AccessDeniedException(actor.toString(), "read the data proofs of", "request", request.toString());
        }
        vault.access().checkSee(actor, request, "read the data proofs of");
        List<ProofAttachment> all = store.proofs(actor.tenant(), request);
        if (actor instanceof AgentPrincipal) {
            return all;
        }
        return all.stream().filter(p -> vault.actsFor(actor, p.usager())).toList();
    }
}
