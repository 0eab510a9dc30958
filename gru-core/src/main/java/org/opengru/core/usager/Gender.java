package org.opengru.core.usager;

/** Gender as the identité pivot gives it (FranceConnect {@code gender} claim: female / male). */
public enum Gender {
    /** Female ({@code female} in FranceConnect). */
    FEMALE,
    /** Male ({@code male} in FranceConnect). */
    MALE,
    /** Not given (allowed for a declared identity only). */
    UNSPECIFIED
}
