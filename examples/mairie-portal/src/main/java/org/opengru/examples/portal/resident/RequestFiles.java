package org.opengru.examples.portal.resident;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.opengru.core.GruCore;
import org.opengru.core.catalogue.DocumentTypeCode;
import org.opengru.core.catalogue.Procedure;
import org.opengru.core.catalogue.RequiredPiece;
import org.opengru.core.error.AccessDeniedException;
import org.opengru.core.error.NotFoundException;
import org.opengru.core.exchange.AttachmentRef;
import org.opengru.core.exchange.Message;
import org.opengru.core.exchange.Visibility;
import org.opengru.core.intake.Channel;
import org.opengru.core.principal.Principal;
import org.opengru.core.request.ProvidedPiece;
import org.opengru.core.request.Request;
import org.opengru.documents.ingest.UploadRejectedException;
import org.opengru.documents.ingest.UploadRequest;
import org.opengru.documents.reuse.Attachment;
import org.opengru.documents.reuse.PieceReuse;
import org.opengru.documents.reuse.ProofAttachment;
import org.opengru.documents.types.DocumentFacts;
import org.opengru.documents.types.DocumentType;
import org.opengru.documents.types.DocumentTypes;
import org.opengru.documents.vault.DocumentId;
import org.opengru.documents.vault.DocumentVault;
import org.opengru.documents.vault.DocumentVersion;
import org.opengru.documents.vault.Download;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * The files of a request, for both sides: its pieces (stored documents, or data obtained from an
 * administration), the files sent with its messages, and their downloads. Every file goes through the
 * vault's ingestion and every download through its access policy; only a version attached to the request
 * is served from the request's pages. Available to templates as {@code requestFiles}.
 */
@Component("requestFiles")
public class RequestFiles {

    private static final Pattern DOCUMENT_REF = Pattern.compile(
            // The UUID's own shape, not 36 of its characters: "document:----…/v1" is no id (a 404, not a 500).
            "document:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/v([1-9][0-9]{0,4})");

    private final GruCore core;
    private final DocumentVault vault;
    private final PieceReuse reuse;

    RequestFiles(GruCore core, DocumentVault vault, PieceReuse reuse) {
        this.core = core;
        this.vault = vault;
        this.reuse = reuse;
    }

    /** Whether a file was chosen in the form's file field. */
    public static boolean chosen(@Nullable MultipartFile file) {
        return file != null && !file.isEmpty();
    }

    /**
     * Posts a message on the request, with the file when one was chosen: the file is checked and attached
     * first, so that when it is refused nothing is posted.
     *
     * @throws org.opengru.documents.ingest.UploadRejectedException when the file is refused
     */
    public Message post(
            Principal actor, Request request, Visibility visibility, String typed, @Nullable MultipartFile file) {
        List<AttachmentRef> attachments = chosen(file) ? List.of(send(actor, request, file)) : List.of();
        String body = typed.isBlank() ? "Fichier joint." : typed.strip();
        return core.exchanges().post(actor, request.id(), visibility, body, attachments, Channel.WEB, null);
    }

    /**
     * One piece as a page shows it: a stored document (with its file name), data obtained from an
     * administration in its place, or a paper handed at the counter.
     */
    public record PieceView(
            String label,
            @Nullable String documentRef,
            @Nullable String fileName,
            @Nullable ProofAttachment proof,
            boolean paper) {}

    /** The request's pieces, with what each one is. */
    public List<PieceView> pieces(Principal actor, Request request, Procedure procedure) {
        Map<String, ProofAttachment> proofs = new LinkedHashMap<>();
        boolean anyProof =
                request.pieces().stream().anyMatch(p -> p.documentRef().startsWith(ProofAttachment.REF_PREFIX));
        if (anyProof) {
            reuse.proofs(actor, request.id()).forEach(p -> proofs.put(p.documentRef(), p));
        }
        List<PieceView> out = new ArrayList<>();
        for (ProvidedPiece piece : request.pieces()) {
            String label = label(request, procedure, piece.type());
            String ref = piece.documentRef();
            if (piece.paper()) {
                out.add(new PieceView(label, null, null, null, true));
            } else if (ref.startsWith(ProofAttachment.REF_PREFIX)) {
                out.add(new PieceView(label, null, null, proofs.get(ref), false));
            } else {
                out.add(new PieceView(label, ref, fileName(actor, ref), null, false));
            }
        }
        return out;
    }

    private String label(Request request, Procedure procedure, DocumentTypeCode type) {
        return procedure.pieces().stream()
                .filter(p -> p.type().equals(type))
                .map(RequiredPiece::label)
                .findFirst()
                .orElseGet(() -> vault.types()
                        .find(request.tenant(), type)
                        .map(DocumentType::label)
                        .orElse(type.value()));
    }

    private @Nullable String fileName(Principal actor, String ref) {
        Matcher m = DOCUMENT_REF.matcher(ref);
        if (!m.matches()) {
            return null;
        }
        try {
            DocumentVersion v = vault.find(actor, DocumentId.of(UUID.fromString(m.group(1))))
                    .version(Integer.parseInt(m.group(2)));
            return v.fileName().value();
        } catch (NotFoundException | AccessDeniedException | IllegalArgumentException e) {
            return null; // erased since, or not readable by this actor: the page says so
        }
    }

    /**
     * Sends a file with a message on the request: through the vault's checks into the applicant's vault,
     * attached to the request. Nothing is kept when the file is refused.
     *
     * @throws org.opengru.documents.ingest.UploadRejectedException when the file is refused
     */
    public AttachmentRef send(Principal actor, Request request, MultipartFile file) {
        Attachment a = upload(actor, request, DocumentTypes.MESSAGE_ATTACHMENT, file);
        DocumentVersion v = vault.find(actor, a.document()).version(a.version());
        return new AttachmentRef(
                a.documentRef(), v.fileName().value(), v.mediaType().mediaType(), v.size());
    }

    /**
     * A new file for one of the request's pieces, the same way: checked, in the applicant's vault, attached.
     *
     * @throws org.opengru.documents.ingest.UploadRejectedException when the file is refused
     */
    public ProvidedPiece attachPiece(Principal actor, Request request, DocumentTypeCode type, MultipartFile file) {
        return upload(actor, request, type, file).providedPiece();
    }

    /**
     * The resident's new files for several pieces at once (a complement), all or none: every file is
     * checked into the applicant's vault first (filed with the request: they go when it ends), and only
     * when all are accepted are they consented to and attached; when one is refused, those already stored
     * are erased and nothing is attached. {@code between} runs after the checks and before the attachments
     * (the message that goes with them): when it fails, the stored files are erased the same way.
     *
     * @throws PieceRefusedException when a piece's file is refused (the form says it at that piece)
     * @throws org.opengru.documents.ingest.UploadRejectedException when {@code between}'s file is refused
     */
    public List<ProvidedPiece> attachPieces(
            Principal actor, Request request, Map<DocumentTypeCode, MultipartFile> files, Runnable between) {
        Map<DocumentTypeCode, DocumentId> stored = new LinkedHashMap<>();
        try {
            for (Map.Entry<DocumentTypeCode, MultipartFile> f : files.entrySet()) {
                MultipartFile file = f.getValue();
                try (InputStream in = file.getInputStream()) {
                    stored.put(
                            f.getKey(),
                            vault.uploadFor(
                                            actor,
                                            request.applicant(),
                                            request.id(),
                                            f.getKey(),
                                            DocumentFacts.issued(vault.today()),
                                            Channel.WEB,
                                            uploadRequest(file),
                                            in)
                                    .id());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } catch (UploadRejectedException e) {
                    throw new PieceRefusedException(f.getKey(), e);
                }
            }
            between.run();
        } catch (RuntimeException refused) {
            stored.values().forEach(id -> vault.erase(actor, id));
            throw refused;
        }
        if (stored.isEmpty()) {
            return List.of();
        }
        reuse.consent(
                actor,
                request.applicant(),
                request.id(),
                request.procedure().code(),
                Set.copyOf(stored.values()),
                Channel.WEB);
        List<ProvidedPiece> out = new ArrayList<>();
        stored.forEach((type, id) ->
                out.add(reuse.attach(actor, request.id(), type, id).providedPiece()));
        return out;
    }

    private static UploadRequest uploadRequest(MultipartFile file) {
        String name =
                file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()
                        ? "fichier"
                        : file.getOriginalFilename();
        return UploadRequest.of(name).withDeclaredSize(file.getSize());
    }

    private Attachment upload(Principal actor, Request request, DocumentTypeCode type, MultipartFile file) {
        try (InputStream in = file.getInputStream()) {
            return reuse.uploadAndAttach(
                    actor,
                    request.applicant(),
                    request.id(),
                    request.procedure().code(),
                    type,
                    uploadRequest(file),
                    in,
                    Channel.WEB);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A file of the request ({@code document:<id>/v<n>}), if that version is attached to it and the actor
     * may read it; the caller has loaded the request through gru-core's access policy.
     */
    public ResponseEntity<InputStreamResource> download(Principal actor, Request request, String ref) {
        Matcher m = DOCUMENT_REF.matcher(ref);
        if (!m.matches()) {
            throw new NotFoundException("file", ref);
        }
        DocumentId document = DocumentId.of(UUID.fromString(m.group(1)));
        int version = Integer.parseInt(m.group(2));
        boolean attached = vault.store().attachments(request.tenant(), request.id()).stream()
                .anyMatch(a -> a.document().equals(document) && a.version() == version);
        if (!attached) {
            throw new NotFoundException("file", ref);
        }
        return respond(vault.download(actor, document, version));
    }

    /** A download as a file to save, never a page: attachment, the type detected at upload, nosniff. */
    static ResponseEntity<InputStreamResource> respond(Download download) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, download.contentDisposition())
                .header("X-Content-Type-Options", "nosniff")
                .header("Repr-Digest", download.reprDigest())
                .contentType(MediaType.parseMediaType(download.mediaType()))
                .contentLength(download.size())
                .body(new InputStreamResource(download.content()));
    }

    /** A piece's file refused by the vault: which piece, for the form to say it at that field. */
    public static final class PieceRefusedException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final DocumentTypeCode piece;
        private final UploadRejectedException reason;

        PieceRefusedException(DocumentTypeCode piece, UploadRejectedException reason) {
            super("piece " + piece.value() + " refused: " + reason.getMessage(), reason);
            this.piece = piece;
            this.reason = reason;
        }

        public DocumentTypeCode piece() {
            return piece;
        }

        public UploadRejectedException reason() {
            return reason;
        }
    }
}
