package org.opengru.documents.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import org.junit.jupiter.api.Test;
import org.opengru.core.id.UsagerId;
import org.opengru.core.inbound.AttachmentRejectedException;
import org.opengru.core.inbound.AttachmentScreen;
import org.opengru.core.inbound.InboundAttachment;
import org.opengru.core.intake.Channel;
import org.opengru.core.principal.Principal;
import org.opengru.core.principal.UsagerPrincipal;
import org.opengru.documents.TestFiles;
import org.opengru.documents.VaultFixture;
import org.opengru.documents.storage.internal.InMemoryBlobStore;
import org.opengru.documents.types.DocumentTypes;

/** Attachments of inbound e-mails go through the vault's checks, whatever the door. */
class VaultAttachmentScreenTest {
    private final VaultFixture f = new VaultFixture();
    private final UsagerId alice = f.newUsager();
    private final UsagerPrincipal aliceActs = Principal.usager(VaultFixture.TENANT, alice);
    private final AttachmentScreen screen = new VaultAttachmentScreen(f.vault, f.ingestor);

    @Test
    void anExecutableNamedLikeAnInvoiceIsRefused() {
        InboundAttachment exe = new InboundAttachment("facture.pdf", "application/pdf", TestFiles.windowsExecutable());
        assertThatThrownBy(() -> screen.screen(VaultFixture.TENANT, alice, exe))
                .isInstanceOf(AttachmentRejectedException.class)
                .hasMessageContaining("facture.pdf")
                .hasMessageContaining("UNSUPPORTED_MEDIA_TYPE");
        assertThatThrownBy(() -> screen.screen(VaultFixture.TENANT, null, exe))
                .isInstanceOf(AttachmentRejectedException.class);
        assertThat(f.vault.vaultOf(aliceActs, alice)).isEmpty();
        assertThat(((InMemoryBlobStore) f.blobs).size()).isZero();
    }

    @Test
    void aPdfWithJavaScriptIsRefused() {
        InboundAttachment pdf =
                new InboundAttachment("avis.pdf", "application/pdf", TestFiles.pdfWithOpenAction("JavaScript", "JS"));
        assertThatThrownBy(() -> screen.screen(VaultFixture.TENANT, alice, pdf))
                .isInstanceOf(AttachmentRejectedException.class)
                .hasMessageContaining("PDF_ACTIVE_CONTENT");
        assertThat(f.vault.vaultOf(aliceActs, alice)).isEmpty();
    }

    @Test
    void aCleanAttachmentIsKeptInTheSendersVaultAsReceivedByEmail() throws Exception {
        byte[] pdf = TestFiles.cleanPdf();
        // tag::screen[]
        AttachmentScreen screen = new VaultAttachmentScreen(f.vault, f.ingestor);
        AttachmentScreen.Accepted accepted = screen.screen(
                VaultFixture.TENANT, alice, new InboundAttachment("avis.pdf", "application/octet-stream", pdf));
        // accepted.documentRef() is "document:<id>/v1", in alice's vault; accepted.contentType() is the sniffed
        // "application/pdf", not what the mail claimed. A refused file throws AttachmentRejectedException.
        // end::screen[]
        Document d = f.vault.vaultOf(aliceActs, alice).get(0);
        assertThat(accepted.documentRef()).isEqualTo("document:" + d.id() + "/v1");
        assertThat(accepted.contentType()).isEqualTo("application/pdf"); // sniffed, not the mail's claim
        assertThat(d.type()).isEqualTo(DocumentTypes.MESSAGE_ATTACHMENT);
        assertThat(d.current().channel()).isEqualTo(Channel.EMAIL);
        try (InputStream in = f.vault.download(aliceActs, d.id(), 1).content()) {
            assertThat(in.readAllBytes()).isEqualTo(pdf);
        }
    }

    @Test
    void anUnknownSendersAttachmentIsCheckedButNotKept() {
        AttachmentScreen.Accepted accepted = screen.screen(
                VaultFixture.TENANT, null, new InboundAttachment("photo.jpg", "image/jpeg", TestFiles.jpeg(40, 30)));
        assertThat(accepted.documentRef()).startsWith("screened:sha256:");
        assertThat(accepted.contentType()).isEqualTo("image/jpeg");
        assertThat(((InMemoryBlobStore) f.blobs).size()).isZero();
    }
}
