package org.opengru.documents.reuse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opengru.core.catalogue.DocumentTypeCode;
import org.opengru.core.catalogue.ProcedureCode;
import org.opengru.core.catalogue.RequiredPiece;
import org.opengru.core.id.AgentId;
import org.opengru.core.id.RequestId;
import org.opengru.core.id.TeamId;
import org.opengru.core.id.UsagerId;
import org.opengru.core.intake.Channel;
import org.opengru.core.principal.AgentPrincipal;
import org.opengru.core.principal.Principal;
import org.opengru.core.principal.UsagerPrincipal;
import org.opengru.core.proof.DataProof;
import org.opengru.core.proof.DataProofProvider;
import org.opengru.core.tenancy.TenantId;
import org.opengru.documents.TestFiles;
import org.opengru.documents.VaultFixture;
import org.opengru.documents.storage.internal.InMemoryBlobStore;
import org.opengru.documents.store.DocumentStore;
import org.opengru.documents.types.DocumentFacts;
import org.opengru.documents.types.DocumentTypes;
import org.opengru.documents.vault.Document;

class PieceReuseTest {
    private static final DocumentTypeCode CAF_CERTIFICATE = DocumentTypeCode.of("attestation-caf");
    private static final ProcedureCode CANTINE = ProcedureCode.of("inscription-cantine");

    /** Stands in for API Particulier: a quotient familial replaces the CAF certificate. */
    private static final DataProofProvider CAF = (tenant, usager, piece, on) -> piece.equals(CAF_CERTIFICATE)
            ? Optional.of(new DataProof(
                    CAF_CERTIFICATE,
                    "API Particulier — CNAF",
                    "Quotient familial 2026-02 : 734",
                    Instant.parse("2026-03-02T09:00:00Z"),
                    LocalDate.of(2026, 3, 31),
                    Map.of("quotientFamilial", "734")))
            : Optional.empty();

    private final VaultFixture f = new VaultFixture(DocumentStore.inMemory(), CAF);
    private final TenantId tenant = VaultFixture.TENANT;
    private final UsagerId alice = f.newUsager();
    private final UsagerPrincipal aliceActs = Principal.usager(tenant, alice);
    private final AgentPrincipal agent = Principal.agent(tenant, AgentId.of("jdupont"), Set.of(TeamId.of("scolaire")));

    private final RequiredPiece identity = RequiredPiece.of(DocumentTypes.NATIONAL_ID_CARD, "Pièce d'identité");
    private final RequiredPiece address = RequiredPiece.of(DocumentTypes.PROOF_OF_ADDRESS, "Justificatif de domicile");
    private final RequiredPiece caf = RequiredPiece.of(CAF_CERTIFICATE, "Attestation CAF");
    private final RequiredPiece tax = RequiredPiece.of(DocumentTypes.TAX_NOTICE, "Avis d'imposition");

    @Test
    void sortsEachPieceIntoStoredDocumentDataProofOrMissing() {
        Document card = f.upload(
                aliceActs,
                alice,
                DocumentTypes.NATIONAL_ID_CARD,
                DocumentFacts.issued(LocalDate.of(2022, 5, 1)),
                "cni.jpg",
                TestFiles.jpeg(30, 20));
        // An old proof of address: expired.
        f.upload(
                aliceActs,
                alice,
                DocumentTypes.PROOF_OF_ADDRESS,
                DocumentFacts.issued(LocalDate.of(2025, 9, 1)),
                "edf.pdf",
                TestFiles.cleanPdf());

        // tag::reuse-plan[]
        ReusePlan plan = f.reuse.plan(aliceActs, alice, List.of(identity, address, caf, tax));

        assertThat(plan.pieces()).hasSize(4);
        assertThat(plan.byDocument()).singleElement().satisfies(p -> {
            assertThat(p.piece()).isEqualTo(identity);
            assertThat(p.document()).isEqualTo(card.id());
            assertThat(p.verified()).isFalse();
            assertThat(p.validity().validUntil()).isEqualTo(LocalDate.of(2032, 4, 30));
        });
        assertThat(plan.byDataProof()).singleElement().satisfies(p -> {
            assertThat(p.piece()).isEqualTo(caf);
            assertThat(p.proof().attributes()).containsEntry("quotientFamilial", "734");
        });
        assertThat(plan.missing()).extracting(PieceStatus.Missing::piece).containsExactly(address, tax);
        assertThat(plan.missing().get(0).reason()).isEqualTo("document expiré le 2025-11-30");
        assertThat(plan.missing().get(1).reason()).isEqualTo("aucun document de ce type dans le coffre");
        // end::reuse-plan[]
        assertThat(plan.complete()).isFalse();
    }

    @Test
    void anExpiredDataProofDoesNotCount() {
        f.clock.set(Instant.parse("2026-04-02T09:00:00Z")); // the CAF proof says valid until 2026-03-31
        assertThat(f.reuse.plan(aliceActs, alice, List.of(caf)).missing())
                .singleElement()
                .extracting(PieceStatus.Missing::piece)
                .isEqualTo(caf);
    }

    @Test
    void attachingNeedsTheUsagersConsentForThatRequestAndIsAReference() {
        Document bill = f.upload(
                aliceActs,
                alice,
                DocumentTypes.PROOF_OF_ADDRESS,
                DocumentFacts.issued(LocalDate.of(2026, 2, 1)),
                "edf.pdf",
                TestFiles.cleanPdf());
        RequestId first = f.newRequest(alice);
        RequestId second = f.newRequest(alice);
        assertThatThrownBy(() -> f.reuse.attach(aliceActs, first, DocumentTypes.PROOF_OF_ADDRESS, bill.id()))
                .isInstanceOf(ConsentRequiredException.class)
                .hasMessageContaining(first.toString());

        // tag::reuse-consent[]
        ReuseConsent consent = f.reuse.consent(aliceActs, alice, first, CANTINE, Set.of(bill.id()), Channel.WEB);
        assertThat(f.store.consents(tenant, first)).containsExactly(consent);
        Attachment a = f.reuse.attach(aliceActs, first, DocumentTypes.PROOF_OF_ADDRESS, bill.id());
        assertThat(a.documentRef()).isEqualTo("document:" + bill.id() + "/v1");
        assertThat(a.providedPiece().type()).isEqualTo(DocumentTypes.PROOF_OF_ADDRESS);
        assertThat(a.providedPiece().documentRef()).isEqualTo(a.documentRef());
        assertThat(((InMemoryBlobStore) f.blobs).size())
                .as("no copy of the file")
                .isEqualTo(1);

        // The consent for one démarche does not carry over to the next.
        assertThatThrownBy(() -> f.reuse.attach(aliceActs, second, DocumentTypes.PROOF_OF_ADDRESS, bill.id()))
                .isInstanceOf(ConsentRequiredException.class);
        // end::reuse-consent[]
        // Nor may someone else consent for Alice.
        UsagerPrincipal mallory = Principal.usager(tenant, f.newUsager());
        assertThatThrownBy(() -> f.reuse.consent(mallory, alice, second, CANTINE, Set.of(bill.id()), Channel.WEB))
                .isInstanceOf(org.opengru.core.error.AccessDeniedException.class);
        assertThatThrownBy(() -> f.reuse.attach(aliceActs, first, DocumentTypes.KBIS, bill.id()))
                .isInstanceOf(DocumentNotUsableException.class);
    }

    @Test
    void aVerifiedDocumentStaysVerifiedWhenReusedUntilItExpires() {
        RequestId first = f.newRequest(alice);
        Document bill = billAttachedTo(first);
        f.visibleToAgents.add(first);
        f.vault.verify(agent, bill.id(), 1);

        // A month later, another démarche: the same document, still verified.
        f.clock.set(Instant.parse("2026-04-02T09:00:00Z"));
        ReusePlan plan = f.reuse.plan(aliceActs, alice, List.of(address));
        assertThat(plan.byDocument()).singleElement().satisfies(p -> {
            assertThat(p.document()).isEqualTo(bill.id());
            assertThat(p.verified()).isTrue();
        });
        RequestId second = f.newRequest(alice);
        f.reuse.consent(
                aliceActs, alice, second, ProcedureCode.of("carte-stationnement"), Set.of(bill.id()), Channel.WEB);
        f.reuse.attach(aliceActs, second, DocumentTypes.PROOF_OF_ADDRESS, bill.id());

        // Past its three months, it is no longer usable, verified or not.
        f.clock.set(Instant.parse("2026-05-02T09:00:00Z"));
        assertThat(f.reuse.plan(aliceActs, alice, List.of(address)).missing())
                .singleElement()
                .extracting(PieceStatus.Missing::reason)
                .asString()
                .contains("expiré le 2026-04-30");
        RequestId third = f.newRequest(alice);
        f.reuse.consent(aliceActs, alice, third, CANTINE, Set.of(bill.id()), Channel.WEB);
        assertThatThrownBy(() -> f.reuse.attach(aliceActs, third, DocumentTypes.PROOF_OF_ADDRESS, bill.id()))
                .isInstanceOf(DocumentNotUsableException.class)
                .hasMessageContaining("2026-04-30");
    }

    @Test
    void prefersAVerifiedDocumentAndSkipsRejectedOnes() {
        Document older = f.upload(
                aliceActs,
                alice,
                DocumentTypes.PROOF_OF_ADDRESS,
                DocumentFacts.issued(LocalDate.of(2026, 2, 1)),
                "edf.pdf",
                TestFiles.cleanPdf());
        RequestId r = f.newRequest(alice);
        f.reuse.consent(aliceActs, alice, r, CANTINE, Set.of(older.id()), Channel.WEB);
        f.reuse.attach(aliceActs, r, DocumentTypes.PROOF_OF_ADDRESS, older.id());
        f.visibleToAgents.add(r);
        f.vault.verify(agent, older.id(), 1);
        f.clock.set(Instant.parse("2026-03-03T09:00:00Z"));
        Document newer = f.upload(
                aliceActs,
                alice,
                DocumentTypes.PROOF_OF_ADDRESS,
                DocumentFacts.issued(LocalDate.of(2026, 3, 1)),
                "eau.pdf",
                TestFiles.cleanPdf());
        assertThat(f.reuse
                        .plan(aliceActs, alice, List.of(address))
                        .byDocument()
                        .get(0)
                        .document())
                .isEqualTo(older.id());
        f.vault.reject(agent, older.id(), 1, "Adresse différente de celle déclarée");
        assertThat(f.reuse
                        .plan(aliceActs, alice, List.of(address))
                        .byDocument()
                        .get(0)
                        .document())
                .isEqualTo(newer.id());
    }

    @Test
    void aFileSentWithAMessageIsStoredAttachedAndReadableByBothSides() {
        RequestId request = f.newRequest(alice);
        Attachment mine = send(aliceActs, request, "certificat-medical.pdf", TestFiles.cleanPdf());
        // Sending it is the consent for this request, recorded as such.
        assertThat(f.store.consents(tenant, request))
                .singleElement()
                .satisfies(c -> assertThat(c.covers(mine.document())).isTrue());
        assertThat(f.vault
                        .access()
                        .mayRead(
                                agent,
                                f.vault.store().find(tenant, mine.document()).orElseThrow(),
                                1,
                                Instant.now()))
                .as("not before the agent may see the request")
                .isFalse();
        f.visibleToAgents.add(request);
        assertThat(f.vault.download(agent, mine.document(), 1).fileName().value())
                .isEqualTo("certificat-medical.pdf");

        // The agent answers with a file of the mairie's: it lands in Alice's vault, attached to the request.
        Attachment theirs = send(agent, request, "attestation-inscription.pdf", TestFiles.cleanPdf());
        assertThat(f.vault.download(aliceActs, theirs.document(), 1).fileName().value())
                .isEqualTo("attestation-inscription.pdf");
        assertThat(f.vault.download(agent, theirs.document(), 1).size()).isPositive();
        assertThat(f.store.attachments(tenant, request))
                .extracting(Attachment::document)
                .containsExactly(mine.document(), theirs.document());
        // Both are the request's files, not documents Alice chose to keep: they end with the request.
        assertThat(f.store.filedWith(tenant, request))
                .extracting(Document::id)
                .containsExactly(mine.document(), theirs.document());
    }

    /** Alice's February proof of address, stored in her vault, then consented to and attached to the request. */
    private Document billAttachedTo(RequestId request) {
        Document bill = f.upload(
                aliceActs,
                alice,
                DocumentTypes.PROOF_OF_ADDRESS,
                DocumentFacts.issued(LocalDate.of(2026, 2, 1)),
                "edf.pdf",
                TestFiles.cleanPdf());
        f.reuse.consent(aliceActs, alice, request, CANTINE, Set.of(bill.id()), Channel.WEB);
        f.reuse.attach(aliceActs, request, DocumentTypes.PROOF_OF_ADDRESS, bill.id());
        return bill;
    }

    @Test
    void aDocumentStoredInTheVaultIsTheUsagersOwnEvenOnceAttached() {
        RequestId request = f.newRequest(alice);
        Document bill = billAttachedTo(request);
        assertThat(f.store.find(tenant, bill.id()).orElseThrow().filedWith()).isNull();
        assertThat(f.store.filedWith(tenant, request)).isEmpty();
    }

    @Test
    void aRefusedFileOrAStrangerLeavesNothingBehind() {
        RequestId request = f.newRequest(alice);
        assertThatThrownBy(() -> send(aliceActs, request, "facture.pdf", TestFiles.windowsExecutable()))
                .isInstanceOf(org.opengru.documents.ingest.UnsupportedMediaTypeException.class);
        UsagerPrincipal mallory = Principal.usager(tenant, f.newUsager());
        assertThatThrownBy(() -> send(mallory, request, "a.pdf", TestFiles.cleanPdf()))
                .isInstanceOf(org.opengru.core.error.AccessDeniedException.class);
        assertThatThrownBy(() -> send(agent, request, "a.pdf", TestFiles.cleanPdf()))
                .as("an agent who may not see the request")
                .isInstanceOf(org.opengru.core.error.AccessDeniedException.class);
        assertThat(f.vault.vaultOf(aliceActs, alice)).isEmpty();
        assertThat(f.store.attachments(tenant, request)).isEmpty();
        assertThat(f.store.consents(tenant, request)).isEmpty();
        assertThat(((InMemoryBlobStore) f.blobs).size()).isZero();
    }

    @Test
    void aDataProofIsRecordedWithTheRequestInPlaceOfThePiece() {
        RequestId request = f.newRequest(alice);
        DataProof proof =
                CAF.proofFor(tenant, alice, CAF_CERTIFICATE, f.vault.today()).orElseThrow();
        // tag::data-proof[]
        ProofAttachment recorded = f.reuse.attachProof(aliceActs, alice, request, proof);

        assertThat(recorded.documentRef()).isEqualTo("proof:" + recorded.id());
        assertThat(recorded.providedPiece().type()).isEqualTo(CAF_CERTIFICATE);
        // end::data-proof[]
        assertThat(f.reuse.proofs(aliceActs, request)).containsExactly(recorded);
        assertThatThrownBy(() -> f.reuse.proofs(agent, request))
                .isInstanceOf(org.opengru.core.error.AccessDeniedException.class);
        f.visibleToAgents.add(request);
        assertThat(f.reuse.proofs(agent, request))
                .singleElement()
                .satisfies(p -> assertThat(p.proof().attributes()).containsEntry("quotientFamilial", "734"));

        UsagerPrincipal mallory = Principal.usager(tenant, f.newUsager());
        assertThatThrownBy(() -> f.reuse.attachProof(mallory, alice, f.newRequest(alice), proof))
                .isInstanceOf(org.opengru.core.error.AccessDeniedException.class);
        f.clock.set(Instant.parse("2026-04-02T09:00:00Z")); // valid until 2026-03-31
        assertThatThrownBy(() -> f.reuse.attachProof(aliceActs, alice, f.newRequest(alice), proof))
                .isInstanceOf(DocumentNotUsableException.class);
    }

    @Test
    void aProofAboutSomeoneElseNeitherLocksTheOwnerOutNorIsShownToHer() {
        RequestId request = f.newRequest(alice);
        ProofAttachment hers = f.reuse.attachProof(
                aliceActs,
                alice,
                request,
                CAF.proofFor(tenant, alice, CAF_CERTIFICATE, f.vault.today()).orElseThrow());
        // Recorded by an agent of the request's team, about another person (a forged one on today's data).
        f.visibleToAgents.add(request);
        UsagerId bob = f.newUsager();
        ProofAttachment his = f.reuse.attachProof(
                agent,
                bob,
                request,
                CAF.proofFor(tenant, bob, CAF_CERTIFICATE, f.vault.today()).orElseThrow());

        assertThat(f.reuse.proofs(aliceActs, request)).containsExactly(hers);
        assertThat(f.reuse.proofs(agent, request)).containsExactlyInAnyOrder(hers, his);
        // Another resident may not attach a proof about himself to her request, nor read its proofs.
        UsagerPrincipal bobActs = Principal.usager(tenant, bob);
        assertThatThrownBy(() -> f.reuse.attachProof(
                        bobActs,
                        bob,
                        request,
                        CAF.proofFor(tenant, bob, CAF_CERTIFICATE, f.vault.today())
                                .orElseThrow()))
                .isInstanceOf(org.opengru.core.error.AccessDeniedException.class);
        assertThatThrownBy(() -> f.reuse.proofs(bobActs, request))
                .isInstanceOf(org.opengru.core.error.AccessDeniedException.class);
        assertThat(f.store.proofs(tenant, request)).hasSize(2);
    }

    /** A file sent with a message on the request, into Alice's vault. */
    private Attachment send(Principal actor, RequestId request, String name, byte[] content) {
        return f.reuse.uploadAndAttach(
                actor,
                alice,
                request,
                CANTINE,
                DocumentTypes.MESSAGE_ATTACHMENT,
                org.opengru.documents.ingest.UploadRequest.of(name),
                new java.io.ByteArrayInputStream(content),
                Channel.WEB);
    }
}
