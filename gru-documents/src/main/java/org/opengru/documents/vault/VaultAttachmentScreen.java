package org.opengru.documents.vault;

import java.io.ByteArrayInputStream;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.opengru.core.id.UsagerId;
import org.opengru.core.inbound.AttachmentRejectedException;
import org.opengru.core.inbound.AttachmentScreen;
import org.opengru.core.inbound.InboundAttachment;
import org.opengru.core.intake.Channel;
import org.opengru.core.principal.Principal;
import org.opengru.core.tenancy.TenantId;
import org.opengru.documents.ingest.DocumentIngestor;
import org.opengru.documents.ingest.IngestedFile;
import org.opengru.documents.ingest.UploadRejectedException;
import org.opengru.documents.ingest.UploadRequest;
import org.opengru.documents.types.DocumentFacts;
import org.opengru.documents.types.DocumentTypes;

/**
 * gru-core's {@link AttachmentScreen}, implemented by the vault: every attachment of an inbound e-mail
 * (a reply threaded into a request, or a mail left for triage) goes through the same ingestion checks as
 * an upload (name, content type against the extension, structure, active content, polyglots, virus
 * scan). An attachment whose sender is known is kept in the sender's vault as a {@linkplain
 * DocumentTypes#MESSAGE_ATTACHMENT message attachment} received by e-mail; one from an unknown sender is
 * checked the same way but not kept (there is no vault to keep it in). A refusal becomes an {@link
 * AttachmentRejectedException}, which quarantines the mail.
 *
 * <pre>{@code
 * InboundMailProcessor processor = InboundMailProcessor.builder()
 *         // ...
 *         .screen(new VaultAttachmentScreen(vault, ingestor))
 *         .build();
 * }</pre>
 */
public final class VaultAttachmentScreen implements AttachmentScreen {
    private final DocumentVault vault;
    private final DocumentIngestor ingestor;

    /**
     * A screen filing the attachments of known senders in their vault.
     *
     * @param ingestor the vault's own ingestor (checks the attachments of unknown senders)
     *
     * @param vault the vault attachments of known senders go to
     */
    public VaultAttachmentScreen(DocumentVault vault, DocumentIngestor ingestor) {
        this.vault = Objects.requireNonNull(vault, "vault");
        this.ingestor = Objects.requireNonNull(ingestor, "ingestor");
    }

    @Override
    public Accepted screen(TenantId tenant, @Nullable UsagerId owner, InboundAttachment attachment) {
        byte[] content = attachment.content();
        UploadRequest request = UploadRequest.of(attachment.fileName()).withDeclaredSize(content.length);
        try {
            if (owner == null) {
                IngestedFile file = ingestor.ingest(request, new ByteArrayInputStream(content));
                ingestor.deleteBlob(file.blobKey());
                return new Accepted(
                        "screened:sha256:" + file.sha256().hex(),
                        file.fileName().value(),
                        file.mediaType().mediaType(),
                        file.size());
            }
            Document d = vault.upload(
                    Principal.usager(tenant, owner),
                    owner,
                    DocumentTypes.MESSAGE_ATTACHMENT,
                    DocumentFacts.issued(vault.today()),
                    Channel.EMAIL,
                    request,
                    new ByteArrayInputStream(content));
            DocumentVersion v = d.current();
            return new Accepted(
                    "document:" + d.id() + "/v" + v.number(),
                    v.fileName().value(),
                    v.mediaType().mediaType(),
                    v.size());
        } catch (UploadRejectedException e) {
            throw new AttachmentRejectedException(attachment.fileName(), e.getMessage());
        }
    }
}
