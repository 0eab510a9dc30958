package org.opengru.franceconnect.apiparticulier;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * Whether the person receives a benefit (RSA, complémentaire santé solidaire).
 *
 * @param supplement RSA: {@code avec_majoration}; CSS: {@code avec_participation}; {@code null} when unknown
 * @param rightsStart start of the rights, when given
 * @param beneficiary whether the person receives the benefit
 */
public record BenefitStatus(
        boolean beneficiary,
        @Nullable Boolean supplement,
        @Nullable LocalDate rightsStart) {}
