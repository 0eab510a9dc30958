package org.opengru.franceconnect.identity;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The identité pivot, certified by FranceConnect (from the RNIPP for most identity providers).
 *
 * @param givenNames all given names, in order
 * @param familyName the birth name (nom de naissance), upper case
 * @param birthplace INSEE COG code of the birth commune at the date of birth; empty when born abroad
 * @param birthcountry INSEE COG country code, {@code 99100} for France
 * @param birthdate the birth date, possibly presumed
 * @param gender the gender at the civil registry
 */
public record IdentityPivot(
        List<String> givenNames,
        String familyName,
        Birthdate birthdate,
        Gender gender,
        String birthplace,
        String birthcountry) {
    private static final Pattern COG_COMMUNE = Pattern.compile("[0-9][0-9AB][0-9]{3}");
    private static final Pattern COG_COUNTRY = Pattern.compile("99[0-9]{3}");
    /** The INSEE COG code of France as a birth country. */
    public static final String FRANCE = "99100";

    /**
     * Checks the pivot, naming the claim at fault.
     *
     * @param givenNames all given names, in order
     * @param familyName the birth name (nom de naissance), upper case
     * @param birthdate the birth date, possibly presumed
     * @param gender the gender at the civil registry
     * @param birthplace INSEE COG code of the birth commune at the date of birth; empty when born abroad
     * @param birthcountry INSEE COG country code, {@code 99100} for France
     * @throws InvalidIdentityClaimException when a given name or the family name is blank, or the birth country
     *     or commune is not a COG code (a commune is required for a birth in France, none for a birth abroad)
     */
    public IdentityPivot {
        givenNames = List.copyOf(givenNames);
        if (givenNames.isEmpty() || givenNames.stream().anyMatch(String::isBlank)) {
            throw new InvalidIdentityClaimException("given_name", givenNames, "must hold at least one given name");
        }
        if (familyName == null || familyName.isBlank()) {
            throw new InvalidIdentityClaimException("family_name", familyName, "must not be blank");
        }
        Objects.requireNonNull(birthdate, "birthdate");
        Objects.requireNonNull(gender, "gender");
        if (birthcountry == null || !COG_COUNTRY.matcher(birthcountry).matches()) {
            throw new InvalidIdentityClaimException(
                    "birthcountry", birthcountry, "must be an INSEE country code 99XXX");
        }
        if (birthplace == null) {
            throw new InvalidIdentityClaimException("birthplace", null, "is required (empty when born abroad)");
        }
        if (FRANCE.equals(birthcountry) && !COG_COMMUNE.matcher(birthplace).matches()) {
            throw new InvalidIdentityClaimException(
                    "birthplace", birthplace, "must be a 5-character INSEE commune code");
        }
        if (!FRANCE.equals(birthcountry) && !birthplace.isEmpty()) {
            throw new InvalidIdentityClaimException("birthplace", birthplace, "must be empty when born abroad");
        }
    }

    /**
     * Whether the person was born in France.
     *
     * @return {@code true} when the birth country is {@link #FRANCE}
     */
    public boolean bornInFrance() {
        return FRANCE.equals(birthcountry);
    }

    /**
     * The pivot found in claims (ID token and userinfo merged), or empty when a pivot scope was not
     * requested. Throws when a claim is present with a wrong format.
     *
     * @param claims the ID token's and userinfo's claims
     * @return the pivot, or empty
     * @throws InvalidIdentityClaimException naming the claim with a wrong format
     */
    public static Optional<IdentityPivot> fromClaims(Map<String, Object> claims) {
        for (String name : List.of("given_name", "family_name", "birthdate", "gender", "birthplace", "birthcountry")) {
            if (!claims.containsKey(name)) {
                return Optional.empty();
            }
        }
        return Optional.of(new IdentityPivot(
                givenNames(claims),
                text(claims, "family_name"),
                Birthdate.parse(claims.get("birthdate")),
                Gender.parse(claims.get("gender")),
                text(claims, "birthplace"),
                text(claims, "birthcountry")));
    }

    private static List<String> givenNames(Map<String, Object> claims) {
        Object array = claims.get("given_name_array");
        if (array instanceof List<?> list && !list.isEmpty()) {
            return list.stream().map(String::valueOf).toList();
        }
        String names = text(claims, "given_name").trim();
        return List.of(names.split("\\s+"));
    }

    private static String text(Map<String, Object> claims, String name) {
        @Nullable Object value = claims.get(name);
        if (!(value instanceof String s)) {
            throw new InvalidIdentityClaimException(name, value, "must be a string");
        }
        return s;
    }
}
