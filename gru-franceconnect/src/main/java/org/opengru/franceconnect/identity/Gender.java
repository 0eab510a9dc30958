package org.opengru.franceconnect.identity;

/** {@code gender} claim: FranceConnect gives {@code male} or {@code female} (sexe à l'état civil). */
public enum Gender {
    /** {@code male} in the {@code gender} claim. */
    MALE,
    /** {@code female} in the {@code gender} claim. */
    FEMALE;

    static Gender parse(Object value) {
        if ("male".equals(value)) {
            return MALE;
        }
        if ("female".equals(value)) {
            return FEMALE;
        }
        throw new InvalidIdentityClaimException("gender", value, "must be 'male' or 'female'");
    }
}
