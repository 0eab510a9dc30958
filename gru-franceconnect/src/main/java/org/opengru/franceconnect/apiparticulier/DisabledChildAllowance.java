package org.opengru.franceconnect.apiparticulier;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * Allocation d'éducation de l'enfant handicapé (AEEH).
 *
 * @param status the person's place in the right
 * @param rightsStart date d'ouverture du droit, when given
 */
public record DisabledChildAllowance(
        Status status, @Nullable LocalDate rightsStart) {

    /** The documented values of {@code status}. */
    public enum Status {
        /** The person receives the allowance. */
        ALLOCATAIRE,
        /** The person is the child giving the right. */
        OUVRANT_DROIT,
        /** Neither. */
        NON_BENEFICIAIRE
    }

    /**
     * Whether the person has a part in the right (allocataire or the child giving it).
     *
     * @return {@code false} only for {@link Status#NON_BENEFICIAIRE}
     */
    public boolean beneficiary() {
        return status != Status.NON_BENEFICIAIRE;
    }
}
