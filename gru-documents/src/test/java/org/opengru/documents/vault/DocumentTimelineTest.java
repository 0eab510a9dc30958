package org.opengru.documents.vault;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opengru.core.catalogue.ProcedureCode;
import org.opengru.core.id.RequestId;
import org.opengru.core.id.UsagerId;
import org.opengru.core.intake.Channel;
import org.opengru.core.principal.Principal;
import org.opengru.core.principal.UsagerPrincipal;
import org.opengru.core.timeline.TimelineEntry;
import org.opengru.documents.TestFiles;
import org.opengru.documents.VaultFixture;
import org.opengru.documents.types.DocumentFacts;
import org.opengru.documents.types.DocumentTypes;

class DocumentTimelineTest {
    private final VaultFixture f = new VaultFixture();
    private final UsagerId alice = f.newUsager();
    private final UsagerPrincipal aliceActs = Principal.usager(VaultFixture.TENANT, alice);
    private final DocumentFacts bill = DocumentFacts.issued(LocalDate.of(2026, 2, 10));

    @Test
    void depositsAndReuseAgreementsNewestFirstInPlainFrenchAndGoneWithTheDocument() {
        Document address =
                f.upload(aliceActs, alice, DocumentTypes.PROOF_OF_ADDRESS, bill, "edf.pdf", TestFiles.cleanPdf());
        f.clock.set(Instant.parse("2026-03-02T10:00:00Z"));
        Document rib = f.upload(aliceActs, alice, DocumentTypes.BANK_DETAILS, bill, "rib.pdf", TestFiles.cleanPdf());
        f.clock.set(Instant.parse("2026-03-02T11:00:00Z"));
        RequestId request = f.newRequest(alice);
        f.reuse.consent(
                aliceActs, alice, request, ProcedureCode.of("inscription-cantine"), Set.of(address.id()), Channel.WEB);
        UsagerId bob = f.newUsager();
        f.upload(
                Principal.usager(VaultFixture.TENANT, bob),
                bob,
                DocumentTypes.BANK_DETAILS,
                bill,
                "b.pdf",
                TestFiles.cleanPdf());

        DocumentTimeline timeline = f.vault.timeline();
        List<TimelineEntry> all = timeline.newest(VaultFixture.TENANT, alice, null, 10);

        assertThat(all)
                .extracting(TimelineEntry::kind)
                .containsExactly("document.reuse_consent", "document.deposited", "document.deposited");
        assertThat(all.get(0).summary())
                .isEqualTo("Accord pour réutiliser 1 document pour la démarche inscription-cantine");
        assertThat(all.get(1).summary()).startsWith("Document déposé : ").endsWith(" (rib.pdf)");
        assertThat(all.get(2).subjectId()).isEqualTo(address.id().toString());
        assertThat(all).allSatisfy(e -> assertThat(e.module()).isEqualTo("documents"));
        assertThat(timeline.newest(VaultFixture.TENANT, alice, all.get(0).cursor(), 1))
                .containsExactly(all.get(1));

        f.store.erase(VaultFixture.TENANT, rib.id());
        assertThat(timeline.newest(VaultFixture.TENANT, alice, null, 10))
                .extracting(TimelineEntry::subjectId)
                .doesNotContain(rib.id().toString());
    }
}
