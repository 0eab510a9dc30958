package org.opengru.core.usager;

/** Gender as the identité pivot gives it (FranceConnect {@code gender} claim: female / male). */
public enum Gender {
    FEMALE,
    MALE,
    /** Not given (allowed for a declared identity only). */
    UNSPECIFIED
}
