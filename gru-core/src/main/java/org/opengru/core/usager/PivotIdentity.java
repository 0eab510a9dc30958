package org.opengru.core.usager;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.opengru.core.error.ValidationException;
import org.opengru.core.internal.Checks;
import org.opengru.core.value.CogCode;

/**
 * The identité pivot: family name (nom de naissance), given names in civil order, birth date, birth place
 * (COG code of the commune; absent when born abroad), birth country (COG code, {@code 99100} for France)
 * and gender. This is what FranceConnect certifies.
 *
 * @param familyName the nom de naissance, at most 100 characters
 * @param givenNames the given names in civil order, at least one
 * @param birthDate the birth date, after 1850
 * @param birthPlace the commune of birth (COG code), {@code null} when born abroad
 * @param birthCountry the country of birth (COG code, {@code 99100} for France)
 * @param gender the gender
 */
public record PivotIdentity(
        String familyName,
        List<String> givenNames,
        LocalDate birthDate,
        @Nullable CogCode birthPlace,
        CogCode birthCountry,
        Gender gender) {

    /**
     * Checks each attribute; a birth place is a commune and implies France as birth country.
     *
     * @param familyName the nom de naissance, at most 100 characters
     * @param givenNames the given names in civil order, at least one
     * @param birthDate the birth date, after 1850
     * @param birthPlace the commune of birth (COG code), {@code null} when born abroad
     * @param birthCountry the country of birth (COG code, {@code 99100} for France)
     * @param gender the gender
     * @throws org.opengru.core.error.ValidationException naming the bad attribute and its value
     */
    public PivotIdentity {
        familyName = Checks.text("familyName", familyName, 100);
        Checks.required("givenNames", givenNames);
        if (givenNames.isEmpty()) {
            throw new ValidationException("givenNames", givenNames, "must name at least one given name");
        }
        givenNames =
                givenNames.stream().map(n -> Checks.text("givenNames", n, 100)).toList();
        Checks.required("birthDate", birthDate);
        Checks.check(birthDate.getYear() >= 1850, "birthDate", birthDate, "must be after 1850");
        Checks.required("birthCountry", birthCountry);
        Checks.check(birthCountry.isCountry(), "birthCountry", birthCountry, "must be a country code (99xxx)");
        Checks.required("gender", gender);
        if (birthPlace != null) {
            Checks.check(!birthPlace.isCountry(), "birthPlace", birthPlace, "must be a commune code, not a country");
            Checks.check(
                    birthCountry.equals(CogCode.FRANCE),
                    "birthPlace",
                    birthPlace,
                    "is only given for births in France");
        } else {
            Checks.check(!birthCountry.equals(CogCode.FRANCE), "birthPlace", null, "is required for a birth in France");
        }
    }
}
