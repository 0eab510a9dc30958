package org.opengru.franceconnect.apiparticulier;

import java.time.YearMonth;
import java.util.List;

/** Composition familiale and quotient familial from the CAF (API Particulier v2). */
public record CompositionFamiliale(
        int quotientFamilial,
        YearMonth period,
        List<FamilyMember> allocataires,
        List<FamilyMember> children,
        List<String> addressLines) {
    public CompositionFamiliale {
        allocataires = List.copyOf(allocataires);
        children = List.copyOf(children);
        addressLines = List.copyOf(addressLines);
    }
}
