package org.opengru.franceconnect.apiparticulier;

import org.jspecify.annotations.Nullable;

/**
 * A member of the allocataire's family as the CAF or MSA knows it.
 *
 * @param birthDate {@code YYYY-MM-DD} as given (parts may be unknown), or {@code null}
 * @param birthName nom de naissance
 * @param usageName nom d'usage, or {@code null}
 * @param givenNames the given names
 * @param sex {@code M} or {@code F}
 */
public record FamilyMember(
        String birthName,
        @Nullable String usageName,
        String givenNames,
        @Nullable String birthDate,
        @Nullable String sex) {}
