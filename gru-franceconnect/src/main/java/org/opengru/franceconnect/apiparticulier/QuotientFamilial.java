package org.opengru.franceconnect.apiparticulier;

import java.time.YearMonth;
import java.util.List;

/**
 * Quotient familial CAF ou MSA.
 *
 * @param provider {@code CNAF} or {@code MSA}
 * @param value the quotient familial
 * @param period the month it applies to
 * @param computedIn the month it was computed
 * @param addressLines the family's (declarative) postal address lines
 * @param allocataires the allocataires of the file
 * @param children the children of the file
 */
public record QuotientFamilial(
        String provider,
        int value,
        YearMonth period,
        YearMonth computedIn,
        List<FamilyMember> allocataires,
        List<FamilyMember> children,
        List<String> addressLines) {
    /**
     * Copies the lists, so that the record stays immutable.
     *
     * @param provider {@code CNAF} or {@code MSA}
     * @param value the quotient familial
     * @param period the month it applies to
     * @param computedIn the month it was computed
     * @param allocataires the allocataires of the file
     * @param children the children of the file
     * @param addressLines the family's (declarative) postal address lines
     */
    public QuotientFamilial {
        allocataires = List.copyOf(allocataires);
        children = List.copyOf(children);
        addressLines = List.copyOf(addressLines);
    }
}
