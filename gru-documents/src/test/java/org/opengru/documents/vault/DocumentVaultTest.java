package org.opengru.documents.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.opengru.core.catalogue.ProcedureCode;
import org.opengru.core.error.AccessDeniedException;
import org.opengru.core.error.NotFoundException;
import org.opengru.core.id.AgentId;
import org.opengru.core.id.RequestId;
import org.opengru.core.id.TeamId;
import org.opengru.core.id.UsagerId;
import org.opengru.core.intake.Channel;
import org.opengru.core.principal.AgentPrincipal;
import org.opengru.core.principal.Principal;
import org.opengru.core.principal.UsagerPrincipal;
import org.opengru.core.tenancy.TenantId;
import org.opengru.core.usager.Contact;
import org.opengru.core.usager.Household;
import org.opengru.core.usager.HouseholdMember;
import org.opengru.core.usager.Mandate;
import org.opengru.documents.TestFiles;
import org.opengru.documents.VaultFixture;
import org.opengru.documents.crypto.WrappedKey;
import org.opengru.documents.ingest.ActivePdfContentException;
import org.opengru.documents.ingest.UploadRequest;
import org.opengru.documents.storage.internal.InMemoryBlobStore;
import org.opengru.documents.store.DocumentStore;
import org.opengru.documents.types.DocumentFacts;
import org.opengru.documents.types.DocumentTypes;

class DocumentVaultTest {
    private final VaultFixture f = new VaultFixture();
    private final TenantId tenant = VaultFixture.TENANT;
    private final UsagerId alice = f.newUsager();
    private final UsagerPrincipal aliceActs = Principal.usager(tenant, alice);
    private final AgentPrincipal agent =
            Principal.agent(tenant, AgentId.of("jdupont"), Set.of(TeamId.of("etat-civil")));
    private final DocumentFacts bill = DocumentFacts.issued(LocalDate.of(2026, 2, 10));

    @Test
    void uploadStoresTheMetadataAndDownloadServesItBack() throws IOException {
        byte[] pdf = TestFiles.cleanPdf();
        Document d = f.upload(aliceActs, alice, DocumentTypes.PROOF_OF_ADDRESS, bill, "Facture EDF février.pdf", pdf);
        DocumentVersion v = d.current();
        assertThat(v.number()).isEqualTo(1);
        assertThat(v.mediaType().mediaType()).isEqualTo("application/pdf");
        assertThat(v.size()).isEqualTo(pdf.length);
        assertThat(v.uploadedBy().toString()).isEqualTo("usager:" + alice);
        assertThat(v.channel()).isEqualTo(Channel.WEB);
        assertThat(v.verification()).isEqualTo(new Verification.Unverified());
        assertThat(f.vault.vaultOf(aliceActs, alice)).containsExactly(d);
        assertThat(f.events).singleElement().isInstanceOf(DocumentEvent.Uploaded.class);

        try (Download download = f.vault.download(aliceActs, d.id(), 1)) {
            assertThat(download.mediaType()).isEqualTo("application/pdf");
            assertThat(download.contentDisposition())
                    .isEqualTo("attachment; filename=\"Facture EDF f_vrier.pdf\"; "
                            + "filename*=UTF-8''Facture%20EDF%20f%C3%A9vrier.pdf");
            assertThat(download.reprDigest()).startsWith("sha-256=:").endsWith("=:");
            assertThat(download.content().readAllBytes()).isEqualTo(pdf);
        }
    }

    @Test
    void aRefusedUploadLeavesNoMetadataAndNoBlob() {
        assertThatThrownBy(() -> f.upload(
                        aliceActs,
                        alice,
                        DocumentTypes.PROOF_OF_ADDRESS,
                        bill,
                        "a.pdf",
                        TestFiles.pdfWithOpenAction("JavaScript", "JS")))
                .isInstanceOf(ActivePdfContentException.class);
        assertThat(f.store.byOwner(tenant, alice)).isEmpty();
        assertThat(((InMemoryBlobStore) f.blobs).size()).isZero();
        assertThat(f.events).isEmpty();
    }

    @Test
    void aMetadataFailureDeletesTheBlobJustWritten() {
        VaultFixture broken =
                new VaultFixture(new FailingInsertStore(), org.opengru.core.proof.DataProofProvider.none());
        assertThatThrownBy(() -> broken.upload(
                        Principal.usager(tenant, alice),
                        alice,
                        DocumentTypes.PROOF_OF_ADDRESS,
                        bill,
                        "a.pdf",
                        TestFiles.cleanPdf()))
                .hasMessageContaining("database down");
        assertThat(((InMemoryBlobStore) broken.blobs).size()).isZero();
    }

    /** A store whose inserts fail, as a database outage would. */
    private static final class FailingInsertStore implements DocumentStore {
        private final DocumentStore delegate = DocumentStore.inMemory();

        @Override
        public void insert(Document document, WrappedKey key) {
            throw new IllegalStateException("database down");
        }

        @Override
        public void addVersion(TenantId t, DocumentId id, DocumentVersion v, WrappedKey k) {
            delegate.addVersion(t, id, v, k);
        }

        @Override
        public void setVerification(TenantId t, DocumentId id, int version, Verification v) {
            delegate.setVerification(t, id, version, v);
        }

        @Override
        public java.util.Optional<Document> find(TenantId t, DocumentId id) {
            return delegate.find(t, id);
        }

        @Override
        public List<Document> byOwner(TenantId t, UsagerId owner) {
            return delegate.byOwner(t, owner);
        }

        @Override
        public java.util.Optional<WrappedKey> wrappedKey(TenantId t, DocumentId id, int version) {
            return delegate.wrappedKey(t, id, version);
        }

        @Override
        public List<org.opengru.documents.storage.BlobKey> erase(TenantId t, DocumentId id) {
            return delegate.erase(t, id);
        }

        @Override
        public List<org.opengru.documents.store.StoredKey> keysNotWrappedWith(TenantId t, String keyId, int limit) {
            return delegate.keysNotWrappedWith(t, keyId, limit);
        }

        @Override
        public boolean replaceKey(TenantId t, DocumentId id, int version, WrappedKey expected, WrappedKey replacement) {
            return delegate.replaceKey(t, id, version, expected, replacement);
        }

        @Override
        public void recordConsent(org.opengru.documents.reuse.ReuseConsent c) {
            delegate.recordConsent(c);
        }

        @Override
        public List<org.opengru.documents.reuse.ReuseConsent> consents(TenantId t, RequestId r) {
            return delegate.consents(t, r);
        }

        @Override
        public void attach(org.opengru.documents.reuse.Attachment a) {
            delegate.attach(a);
        }

        @Override
        public List<org.opengru.documents.reuse.Attachment> attachments(TenantId t, RequestId r) {
            return delegate.attachments(t, r);
        }

        @Override
        public void attachProof(org.opengru.documents.reuse.ProofAttachment p) {
            delegate.attachProof(p);
        }

        @Override
        public List<org.opengru.documents.reuse.ProofAttachment> proofs(TenantId t, RequestId r) {
            return delegate.proofs(t, r);
        }

        @Override
        public List<org.opengru.documents.reuse.ProofAttachment> proofsAbout(TenantId t, UsagerId u) {
            return delegate.proofsAbout(t, u);
        }

        @Override
        public List<org.opengru.documents.reuse.ReuseConsent> consentsOf(TenantId t, UsagerId u) {
            return delegate.consentsOf(t, u);
        }

        @Override
        public boolean eraseProof(TenantId t, java.util.UUID id) {
            return delegate.eraseProof(t, id);
        }

        @Override
        public List<Document> filedWith(TenantId t, org.opengru.core.id.RequestId r) {
            return delegate.filedWith(t, r);
        }

        @Override
        public List<org.opengru.core.id.RequestId> referencedRequests(
                TenantId t, org.opengru.core.id.@Nullable RequestId after, int limit) {
            return delegate.referencedRequests(t, after, limit);
        }

        @Override
        public int removeAttachments(TenantId t, org.opengru.core.id.RequestId r) {
            return delegate.removeAttachments(t, r);
        }

        @Override
        public List<org.opengru.documents.reuse.Attachment> attachmentsOf(TenantId t, DocumentId d) {
            return delegate.attachmentsOf(t, d);
        }
    }

    @Test
    void strangersOtherCommunesAndAgentsWithoutARequestSeeNothing() {
        Document d = f.upload(aliceActs, alice, DocumentTypes.PROOF_OF_ADDRESS, bill, "a.pdf", TestFiles.cleanPdf());
        UsagerPrincipal bob = Principal.usager(tenant, f.newUsager());
        assertThatThrownBy(() -> f.vault.download(bob, d.id(), 1)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> f.vault.vaultOf(bob, alice)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> f.vault.download(agent, d.id(), 1)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> f.vault.verify(agent, d.id(), 1)).isInstanceOf(AccessDeniedException.class);
        UsagerPrincipal aliceElsewhere = Principal.usager(TenantId.of("commune-69123"), alice);
        assertThatThrownBy(() -> f.vault.download(aliceElsewhere, d.id(), 1)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void householdMembersWhoMayActForItAndMandateHoldersShareTheVault() {
        UsagerId householdId = f.newUsager();
        UsagerId partner = f.newUsager();
        UsagerId child = f.newUsager();
        UsagerId grandparent = f.newUsager();
        f.usagers.save(new Household(
                householdId,
                tenant,
                "Foyer Martin",
                List.of(
                        new HouseholdMember(alice, HouseholdMember.Relationship.RESPONSIBLE_ADULT, true),
                        new HouseholdMember(partner, HouseholdMember.Relationship.SPOUSE_OR_PARTNER, false),
                        new HouseholdMember(child, HouseholdMember.Relationship.CHILD, false)),
                Contact.none()));
        Document familyBook = f.upload(
                aliceActs,
                householdId,
                DocumentTypes.FAMILY_RECORD_BOOK,
                DocumentFacts.issued(LocalDate.of(2012, 6, 1)),
                "livret.pdf",
                TestFiles.cleanPdf());
        Document childCard = f.upload(
                aliceActs,
                child,
                DocumentTypes.NATIONAL_ID_CARD,
                DocumentFacts.issued(LocalDate.of(2024, 6, 1)),
                "cni.jpg",
                TestFiles.jpeg(20, 12));
        assertThat(f.vault.vaultOf(aliceActs, householdId)).containsExactly(familyBook);
        assertThat(f.vault.vaultOf(aliceActs, child)).containsExactly(childCard);
        // The partner is a member but may not act for the household.
        assertThatThrownBy(() -> f.vault.vaultOf(Principal.usager(tenant, partner), householdId))
                .isInstanceOf(AccessDeniedException.class);
        // A power of attorney opens the represented person's vault, while it lasts.
        f.mandates.save(new Mandate(
                UUID.randomUUID(),
                tenant,
                grandparent,
                alice,
                Mandate.Kind.POWER_OF_ATTORNEY,
                Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2026-06-01T00:00:00Z"),
                null));
        assertThat(f.vault.vaultOf(aliceActs, grandparent)).isEmpty();
        // An organisation's vault (its Kbis) opens to its representative, and to nobody else.
        UsagerId company = f.newUsager();
        f.mandates.save(new Mandate(
                UUID.randomUUID(),
                tenant,
                company,
                alice,
                Mandate.Kind.COMPANY_REPRESENTATIVE,
                Instant.parse("2026-01-01T00:00:00Z"),
                null,
                null));
        Document kbis = f.upload(aliceActs, company, DocumentTypes.KBIS, bill, "kbis.pdf", TestFiles.cleanPdf());
        assertThat(f.vault.vaultOf(aliceActs, company)).containsExactly(kbis);
        assertThatThrownBy(() -> f.vault.download(Principal.usager(tenant, partner), kbis.id(), 1))
                .isInstanceOf(AccessDeniedException.class);
        f.clock.set(Instant.parse("2026-07-01T00:00:00Z"));
        assertThatThrownBy(() -> f.vault.vaultOf(aliceActs, grandparent)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void agentsSeeAndVerifyOnlyTheVersionAttachedToARequestTheyMaySee() throws IOException {
        Document d = f.upload(aliceActs, alice, DocumentTypes.PROOF_OF_ADDRESS, bill, "a.pdf", TestFiles.cleanPdf());
        RequestId request = f.newRequest(alice);
        f.reuse.consent(
                aliceActs, alice, request, ProcedureCode.of("inscription-cantine"), Set.of(d.id()), Channel.WEB);
        f.reuse.attach(aliceActs, request, DocumentTypes.PROOF_OF_ADDRESS, d.id());
        assertThatThrownBy(() -> f.vault.download(agent, d.id(), 1)).isInstanceOf(AccessDeniedException.class);
        f.visibleToAgents.add(request);
        try (Download dl = f.vault.download(agent, d.id(), 1)) {
            assertThat(dl.size()).isPositive();
        }
        Document verified = f.vault.verify(agent, d.id(), 1);
        assertThat(verified.current().verification())
                .isEqualTo(new Verification.Verified(AgentId.of("jdupont"), f.clock.instant()));
        assertThat(f.store.find(tenant, d.id()).orElseThrow().current().verification())
                .isInstanceOf(Verification.Verified.class);
        // A second version (a new scan) was not attached: the agent cannot read it.
        f.vault.addVersion(
                aliceActs,
                d.id(),
                bill,
                Channel.WEB,
                UploadRequest.of("b.pdf"),
                new ByteArrayInputStream(TestFiles.cleanPdf()));
        assertThatThrownBy(() -> f.vault.download(agent, d.id(), 2)).isInstanceOf(AccessDeniedException.class);
        Document rejected = f.vault.reject(agent, d.id(), 1, "Document illisible");
        assertThat(rejected.version(1).verification()).isInstanceOf(Verification.Rejected.class);
    }

    /** A key provider whose keys the test changes, as an operator would during a rotation. */
    private static final class SwappableKeys implements org.opengru.documents.crypto.KeyProvider {
        volatile org.opengru.documents.crypto.KeyProvider delegate;

        SwappableKeys(org.opengru.documents.crypto.KeyProvider delegate) {
            this.delegate = delegate;
        }

        @Override
        public String currentKeyId() {
            return delegate.currentKeyId();
        }

        @Override
        public WrappedKey wrap(byte[] dataKey, byte[] context) {
            return delegate.wrap(dataKey, context);
        }

        @Override
        public byte[] unwrap(WrappedKey wrapped, byte[] context) {
            return delegate.unwrap(wrapped, context);
        }
    }

    @Test
    void keyRotationRewrapsEveryDataKeyThenTheOldMasterKeyCanGo() throws IOException {
        java.security.SecureRandom r = new java.security.SecureRandom();
        byte[] k1 = new byte[32];
        byte[] k2 = new byte[32];
        r.nextBytes(k1);
        r.nextBytes(k2);
        org.opengru.documents.crypto.StaticKeyProvider before = org.opengru.documents.crypto.StaticKeyProvider.builder()
                .key("2026-01", k1)
                .build();
        SwappableKeys keys = new SwappableKeys(before);
        DocumentStore store = DocumentStore.inMemory();
        DocumentVault vault = DocumentVault.builder()
                .clock(f.clock)
                .store(store)
                .ingestor(org.opengru.documents.ingest.DocumentIngestor.builder()
                        .blobStore(org.opengru.documents.storage.BlobStore.inMemory())
                        .encryption(new org.opengru.documents.crypto.EnvelopeEncryption(keys))
                        .scanner(org.opengru.documents.scan.VirusScanner.unscanned())
                        .build())
                .representations(new org.opengru.core.usager.Representations(f.usagers, f.mandates))
                .build();
        List<byte[]> contents = List.of(TestFiles.cleanPdf(), TestFiles.png(5, 5), TestFiles.jpeg(6, 6));
        List<String> names = List.of("a.pdf", "b.png", "c.jpg");
        List<Document> docs = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            docs.add(vault.upload(
                    aliceActs,
                    alice,
                    DocumentTypes.FAMILY_RECORD_BOOK,
                    bill,
                    Channel.WEB,
                    UploadRequest.of(names.get(i)),
                    new ByteArrayInputStream(contents.get(i))));
        }
        keys.delegate = org.opengru.documents.crypto.StaticKeyProvider.builder()
                .key("2026-01", k1)
                .key("2026-06", k2)
                .current("2026-06")
                .build();
        assertThat(vault.rotateKeys(tenant, 2)).isEqualTo(2);
        assertThat(vault.rotateKeys(tenant, 2)).isEqualTo(1);
        assertThat(vault.rotateKeys(tenant, 2)).isZero();
        assertThat(store.wrappedKey(tenant, docs.get(0).id(), 1).orElseThrow().keyId())
                .isEqualTo("2026-06");
        // The old master key is retired: every file still opens.
        keys.delegate = org.opengru.documents.crypto.StaticKeyProvider.builder()
                .key("2026-06", k2)
                .build();
        for (int i = 0; i < 3; i++) {
            try (Download d = vault.download(aliceActs, docs.get(i).id(), 1)) {
                assertThat(d.content().readAllBytes()).isEqualTo(contents.get(i));
            }
        }
    }

    @Test
    void erasingCryptoShredsEveryVersion() throws IOException {
        Document d = f.upload(aliceActs, alice, DocumentTypes.PROOF_OF_ADDRESS, bill, "a.pdf", TestFiles.cleanPdf());
        f.vault.addVersion(
                aliceActs,
                d.id(),
                bill,
                Channel.WEB,
                UploadRequest.of("b.pdf"),
                new ByteArrayInputStream(TestFiles.cleanPdf()));
        // A backup of the encrypted blob, taken before erasure.
        byte[] backup;
        try (InputStream in = f.blobs.open(d.current().blobKey())) {
            backup = in.readAllBytes();
        }
        f.vault.erase(aliceActs, d.id());
        assertThat(f.store.wrappedKey(tenant, d.id(), 1)).isEmpty();
        assertThat(f.store.wrappedKey(tenant, d.id(), 2)).isEmpty();
        assertThat(((InMemoryBlobStore) f.blobs).size()).isZero();
        assertThatThrownBy(() -> f.vault.download(aliceActs, d.id(), 1)).isInstanceOf(NotFoundException.class);
        assertThat(backup).isNotEmpty(); // and without the wrapped key nothing can decrypt it
        assertThat(f.events).last().isInstanceOf(DocumentEvent.Erased.class);
    }
}
