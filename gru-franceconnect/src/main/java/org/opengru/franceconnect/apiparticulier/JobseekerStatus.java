package org.opengru.franceconnect.apiparticulier;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * Statut demandeur d'emploi (France Travail). Contact and address data of the answer are deliberately
 * not exposed: a démarche needs the status, not a second copy of the address.
 *
 * @param registeredUntil {@code null} while registered
 * @param categoryCode 1 to 5
 * @param identifier the France Travail identifier asked
 * @param registeredSince the registration's first day
 * @param categoryLabel the category's label
 */
public record JobseekerStatus(
        String identifier,
        LocalDate registeredSince,
        @Nullable LocalDate registeredUntil,
        int categoryCode,
        String categoryLabel) {

    /**
     * Whether the person was registered as a jobseeker on that day.
     *
     * @param day the day to check, such as the day of the request
     * @return {@code true} when the day is within the registration
     */
    public boolean registeredOn(LocalDate day) {
        return !day.isBefore(registeredSince) && (registeredUntil == null || !day.isAfter(registeredUntil));
    }
}
