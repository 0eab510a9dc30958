package org.opengru.documents.vault;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opengru.core.catalogue.ProcedureCode;
import org.opengru.core.id.IdGenerator;
import org.opengru.core.id.RequestId;
import org.opengru.core.id.UsagerId;
import org.opengru.core.intake.Channel;
import org.opengru.core.principal.Principal;
import org.opengru.core.principal.UsagerPrincipal;
import org.opengru.core.proof.DataProofProvider;
import org.opengru.core.rgpd.ConsentLedger;
import org.opengru.core.rgpd.ErasureOutcome;
import org.opengru.documents.TestFiles;
import org.opengru.documents.VaultFixture;
import org.opengru.documents.reuse.PieceReuse;
import org.opengru.documents.storage.internal.InMemoryBlobStore;
import org.opengru.documents.types.DocumentFacts;
import org.opengru.documents.types.DocumentTypes;

class DocumentsSubjectDataTest {
    private final VaultFixture f = new VaultFixture();
    private final UsagerId alice = f.newUsager();
    private final UsagerPrincipal aliceActs = Principal.usager(VaultFixture.TENANT, alice);
    private final DocumentFacts bill = DocumentFacts.issued(LocalDate.of(2026, 2, 10));

    @Test
    void exportsMetadataAndErasesWhatNoKeptRequestHolds() {
        Document kept =
                f.upload(aliceActs, alice, DocumentTypes.PROOF_OF_ADDRESS, bill, "edf.pdf", TestFiles.cleanPdf());
        Document gone = f.upload(aliceActs, alice, DocumentTypes.BANK_DETAILS, bill, "rib.pdf", TestFiles.cleanPdf());
        RequestId request = f.newRequest(alice);
        ConsentLedger ledger = ConsentLedger.inMemory();
        PieceReuse reuse = new PieceReuse(
                f.vault, DataProofProvider.none(), f.clock, IdGenerator.create(f.clock), e -> {}, ledger);
        reuse.consent(
                aliceActs, alice, request, ProcedureCode.of("inscription-cantine"), Set.of(kept.id()), Channel.WEB);
        reuse.attach(aliceActs, request, DocumentTypes.PROOF_OF_ADDRESS, kept.id());
        assertThat(ledger.granted(VaultFixture.TENANT, alice, PieceReuse.CONSENT_PURPOSE_PREFIX + request))
                .isTrue();

        // The request was received: it is kept as an administrative file, with what is attached to it.
        DocumentsSubjectData data = new DocumentsSubjectData(f.store, f.ingestor, (t, r) -> r.equals(request));
        List<DocumentsSubjectData.ExportedDocument> export =
                data.collect(VaultFixture.TENANT, alice).documents();
        assertThat(export).hasSize(2);
        assertThat(export.get(0).versions().get(0).fileName()).isEqualTo("edf.pdf");
        assertThat(export.get(0).versions().get(0).uploadedAt()).isEqualTo(Instant.parse("2026-03-02T09:00:00Z"));
        assertThat(export.get(0).attachedTo()).singleElement().asString().startsWith(request.toString());

        ErasureOutcome outcome = data.erase(VaultFixture.TENANT, alice);
        assertThat(outcome.erased()).isEqualTo(1);
        assertThat(outcome.retained())
                .as("the attached document and the consent")
                .isEqualTo(2);
        assertThat(outcome.legalBasis()).contains("dossier administratif", "art. 7.1");
        assertThat(f.store.find(VaultFixture.TENANT, gone.id())).isEmpty();
        assertThat(f.store.wrappedKey(VaultFixture.TENANT, gone.id(), 1)).isEmpty();
        assertThat(f.store.find(VaultFixture.TENANT, kept.id())).isPresent();
        assertThat(((InMemoryBlobStore) f.blobs).size()).isEqualTo(1);
    }
}
