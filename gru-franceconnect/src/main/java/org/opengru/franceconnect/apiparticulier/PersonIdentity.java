package org.opengru.franceconnect.apiparticulier;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.opengru.franceconnect.identity.IdentityPivot;

/**
 * The civil status used by the {@code /identite} routes.
 *
 * @param birthName nom de naissance
 * @param usageName nom d'usage, or {@code null}
 * @param givenNames 1 to 3 given names
 * @param birthYear the year
 * @param birthMonth 1-12, or 0 when unknown
 * @param birthDay 1-31, or 0 when unknown
 * @param sex {@code M} or {@code F} (sexe à l'état civil)
 * @param birthCountry INSEE COG country code, {@code 99100} for France
 * @param birthCommune INSEE COG commune code when born in France, otherwise {@code null}
 */
public record PersonIdentity(
        String birthName,
        @Nullable String usageName,
        List<String> givenNames,
        int birthYear,
        int birthMonth,
        int birthDay,
        String sex,
        String birthCountry,
        @Nullable String birthCommune) {

    /**
     * Checks the civil status before any call, with the route's parameter names in the messages.
     *
     * @param birthName nom de naissance
     * @param usageName nom d'usage, or {@code null}
     * @param givenNames 1 to 3 given names
     * @param birthYear the year
     * @param birthMonth 1-12, or 0 when unknown
     * @param birthDay 1-31, or 0 when unknown
     * @param sex {@code M} or {@code F} (sexe à l'état civil)
     * @param birthCountry INSEE COG country code, {@code 99100} for France
     * @param birthCommune INSEE COG commune code when born in France, otherwise {@code null}
     * @throws InvalidParametersException when the birth name or the given names are missing, the birth date does
     *     not exist, the sex is not {@code M} or {@code F}, or the birth country and commune are not COG codes
     *     (a commune is required for a birth in France)
     */
    public PersonIdentity {
        givenNames = List.copyOf(givenNames);
        if (birthName == null || birthName.isBlank()) {
            throw new InvalidParametersException("nomNaissance is required", 0, List.of(), null);
        }
        if (givenNames.isEmpty()) {
            throw new InvalidParametersException("prenoms[] needs at least one given name", 0, List.of(), null);
        }
        if (birthMonth < 0 || birthMonth > 12 || birthDay < 0 || (birthMonth == 0 && birthDay != 0)) {
            throw new InvalidParametersException(
                    "date de naissance " + birthYear + "-" + birthMonth + "-" + birthDay + " is out of range",
                    0,
                    List.of(),
                    null);
        }
        try {
            java.time.LocalDate.of(birthYear, Math.max(1, birthMonth), Math.max(1, birthDay));
        } catch (java.time.DateTimeException e) {
            throw new InvalidParametersException(
                    "date de naissance " + birthYear + "-" + birthMonth + "-" + birthDay + " does not exist",
                    0,
                    List.of(),
                    e);
        }
        if (!"M".equals(sex) && !"F".equals(sex)) {
            throw new InvalidParametersException("sexeEtatCivil '" + sex + "' must be M or F", 0, List.of(), null);
        }
        if (birthCountry == null || !birthCountry.matches("99[0-9]{3}")) {
            throw new InvalidParametersException(
                    "codeCogInseePaysNaissance '" + birthCountry + "' must be 99XXX", 0, List.of(), null);
        }
        if ("99100".equals(birthCountry) && (birthCommune == null || !birthCommune.matches("[0-9][0-9AB][0-9]{3}"))) {
            throw new InvalidParametersException(
                    "codeCogInseeCommuneNaissance '" + birthCommune + "' is required for a birth in France",
                    0,
                    List.of(),
                    null);
        }
    }

    /**
     * From the identité pivot certified by FranceConnect (at most the first three given names).
     *
     * @param pivot the identity FranceConnect certified
     * @param usageName the nom d'usage the usager declared, or {@code null}
     * @return the civil status to send
     */
    public static PersonIdentity fromPivot(IdentityPivot pivot, @Nullable String usageName) {
        return new PersonIdentity(
                pivot.familyName(),
                usageName,
                pivot.givenNames().subList(0, Math.min(3, pivot.givenNames().size())),
                pivot.birthdate().year(),
                pivot.birthdate().month(),
                pivot.birthdate().day(),
                pivot.gender() == org.opengru.franceconnect.identity.Gender.MALE ? "M" : "F",
                pivot.birthcountry(),
                pivot.bornInFrance() ? pivot.birthplace() : null);
    }

    boolean fullBirthDate() {
        return birthMonth != 0 && birthDay != 0;
    }

    @Override
    public String toString() {
        return "PersonIdentity[***]";
    }
}
