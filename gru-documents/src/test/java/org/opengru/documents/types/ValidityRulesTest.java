package org.opengru.documents.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.opengru.core.catalogue.DocumentTypeCode;
import org.opengru.core.error.AlreadyExistsException;
import org.opengru.core.tenancy.TenantId;

class ValidityRulesTest {
    private static final LocalDate ADULT_BIRTH = LocalDate.of(1970, 5, 1);
    private static final LocalDate MINOR_BIRTH = LocalDate.of(2000, 5, 1);

    private static Validity cni(LocalDate issued, LocalDate birth, LocalDate on) {
        return DocumentTypes.NATIONAL_ID_CARD_RULE.evaluate(
                DocumentFacts.issued(issued).withHolderBirthDate(birth), on);
    }

    @Test
    void idCardsIssuedToAdultsFrom2004To2013AreValidFifteenYears() {
        // tag::cni[]
        // Issued 2 January 2004 to an adult: printed expiry 2014, really valid until 1 January 2019.
        Validity v = cni(LocalDate.of(2004, 1, 2), ADULT_BIRTH, LocalDate.of(2018, 6, 1));
        assertThat(v.valid()).isTrue();
        assertThat(v.validUntil()).isEqualTo(LocalDate.of(2019, 1, 1));
        assertThat(v.explanation()).contains("15 ans", "majeur", "prolongation");
        // end::cni[]
        assertThat(cni(LocalDate.of(2013, 12, 31), ADULT_BIRTH, LocalDate.of(2028, 12, 30))
                        .valid())
                .isTrue();
        assertThat(cni(LocalDate.of(2013, 12, 31), ADULT_BIRTH, LocalDate.of(2028, 12, 31))
                        .valid())
                .isFalse();
    }

    @Test
    void idCardsOutsideTheExtensionOrIssuedToMinorsAreValidTenYears() {
        assertThat(cni(LocalDate.of(2004, 1, 1), ADULT_BIRTH, LocalDate.of(2013, 12, 31))
                        .validUntil())
                .isEqualTo(LocalDate.of(2013, 12, 31));
        // Issued to a 10-year-old in 2010: 10 years even though the holder is now an adult.
        Validity minor = cni(LocalDate.of(2010, 6, 1), MINOR_BIRTH, LocalDate.of(2021, 1, 1));
        assertThat(minor.valid()).isFalse();
        assertThat(minor.validUntil()).isEqualTo(LocalDate.of(2020, 5, 31));
        assertThat(minor.explanation()).contains("mineur");
        // The electronic card (from August 2021): 10 years for everyone.
        assertThat(cni(LocalDate.of(2022, 3, 1), ADULT_BIRTH, LocalDate.of(2030, 1, 1))
                        .validUntil())
                .isEqualTo(LocalDate.of(2032, 2, 29));
        // Turned 18 the very day of issue: an adult.
        assertThat(cni(LocalDate.of(2018, 5, 1), MINOR_BIRTH, LocalDate.of(2030, 1, 1))
                        .validUntil())
                .isEqualTo(LocalDate.of(2033, 4, 30));
    }

    @Test
    void unknownAgeNeverOverstatesValidity() {
        Validity v = DocumentTypes.NATIONAL_ID_CARD_RULE.evaluate(
                DocumentFacts.issued(LocalDate.of(2010, 1, 1)), LocalDate.of(2021, 1, 1));
        assertThat(v.validUntil()).isEqualTo(LocalDate.of(2019, 12, 31));
        assertThat(v.explanation()).contains("inconnu");
        assertThat(DocumentTypes.NATIONAL_ID_CARD_RULE
                        .evaluate(new DocumentFacts(null, null, null), LocalDate.now())
                        .valid())
                .isFalse();
    }

    @Test
    void passportsAreTenYearsForAdultsAndFiveForMinors() {
        DocumentFacts adult = DocumentFacts.issued(LocalDate.of(2020, 3, 10)).withHolderBirthDate(ADULT_BIRTH);
        DocumentFacts child = DocumentFacts.issued(LocalDate.of(2010, 3, 10)).withHolderBirthDate(MINOR_BIRTH);
        assertThat(DocumentTypes.PASSPORT_RULE
                        .evaluate(adult, LocalDate.of(2030, 3, 9))
                        .valid())
                .isTrue();
        assertThat(DocumentTypes.PASSPORT_RULE
                        .evaluate(adult, LocalDate.of(2030, 3, 10))
                        .valid())
                .isFalse();
        assertThat(DocumentTypes.PASSPORT_RULE
                        .evaluate(child, LocalDate.of(2015, 3, 9))
                        .valid())
                .isTrue();
        assertThat(DocumentTypes.PASSPORT_RULE
                        .evaluate(child, LocalDate.of(2015, 3, 10))
                        .valid())
                .isFalse();
    }

    @Test
    void proofOfAddressAndKbisMustBeUnderThreeMonths() {
        DocumentTypes types = DocumentTypes.national();
        TenantId paris = TenantId.of("commune-75056");
        for (DocumentTypeCode code : new DocumentTypeCode[] {DocumentTypes.PROOF_OF_ADDRESS, DocumentTypes.KBIS}) {
            ValidityRule rule = types.find(paris, code).orElseThrow().validity();
            DocumentFacts bill = DocumentFacts.issued(LocalDate.of(2026, 1, 15));
            assertThat(rule.evaluate(bill, LocalDate.of(2026, 4, 14)).valid()).isTrue();
            assertThat(rule.evaluate(bill, LocalDate.of(2026, 4, 15)).valid()).isFalse();
            assertThat(rule.evaluate(bill, LocalDate.of(2026, 1, 14)).valid())
                    .as("dated in the future")
                    .isFalse();
        }
    }

    @Test
    void residencePermitTaxNoticeAndPermanentDocuments() {
        DocumentTypes types = DocumentTypes.national();
        TenantId t = TenantId.of("commune-69123");
        ValidityRule permit =
                types.find(t, DocumentTypes.RESIDENCE_PERMIT).orElseThrow().validity();
        DocumentFacts titre = DocumentFacts.issued(LocalDate.of(2022, 1, 1)).withExpiryDate(LocalDate.of(2026, 6, 30));
        assertThat(permit.evaluate(titre, LocalDate.of(2026, 6, 30)).valid()).isTrue();
        assertThat(permit.evaluate(titre, LocalDate.of(2026, 7, 1)).valid()).isFalse();
        assertThat(permit.evaluate(DocumentFacts.issued(LocalDate.of(2022, 1, 1)), LocalDate.of(2022, 2, 1))
                        .valid())
                .as("no printed expiry: not usable")
                .isFalse();

        ValidityRule tax = types.find(t, DocumentTypes.TAX_NOTICE).orElseThrow().validity();
        DocumentFacts avis2025 = DocumentFacts.issued(LocalDate.of(2025, 8, 20));
        assertThat(tax.evaluate(avis2025, LocalDate.of(2026, 12, 31)).valid()).isTrue();
        assertThat(tax.evaluate(avis2025, LocalDate.of(2027, 1, 1)).valid()).isFalse();

        assertThat(types.find(t, DocumentTypes.FAMILY_RECORD_BOOK)
                        .orElseThrow()
                        .validity()
                        .evaluate(DocumentFacts.issued(LocalDate.of(1990, 1, 1)), LocalDate.of(2060, 1, 1))
                        .valid())
                .isTrue();
        assertThat(types.find(t, DocumentTypes.BANK_DETAILS)).isPresent();
    }

    @Test
    void eachCommuneHasItsOwnCustomTypes() {
        TenantId lyon = TenantId.of("commune-69123");
        TenantId paris = TenantId.of("commune-75056");
        // tag::custom-type[]
        DocumentTypes types = DocumentTypes.national()
                .addCustom(
                        lyon,
                        DocumentType.of(
                                "attestation-qf-municipal",
                                "Attestation de quotient familial municipal",
                                new ValidityRule.RecentIssue(java.time.Period.ofYears(1))));
        // end::custom-type[]
        assertThat(types.find(lyon, DocumentTypeCode.of("attestation-qf-municipal")))
                .isPresent();
        assertThat(types.find(paris, DocumentTypeCode.of("attestation-qf-municipal")))
                .isEmpty();
        assertThat(types.available(lyon)).hasSize(types.available(paris).size() + 1);
        assertThatThrownBy(() -> types.addCustom(
                        paris, DocumentType.of("carte-identite", "Ma CNI", new ValidityRule.Permanent())))
                .isInstanceOf(AlreadyExistsException.class);
    }
}
