package org.opengru.franceconnect.apiparticulier;

import java.time.LocalDate;

/**
 * Statut étudiant boursier (CNOUS).
 *
 * @param echelon {@code 0bis} or {@code 1}..{@code 7}
 * @param provisionalRegional whether the regional scholarship is provisional
 * @param academicYearStart date de rentrée
 * @param durationMonths months of payment
 */
public record StudentScholarship(
        boolean scholar,
        String echelon,
        boolean provisionalRegional,
        LocalDate academicYearStart,
        int durationMonths,
        String establishment,
        String establishmentCommune) {}
