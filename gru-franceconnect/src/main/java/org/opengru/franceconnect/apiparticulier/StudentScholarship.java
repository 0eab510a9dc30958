package org.opengru.franceconnect.apiparticulier;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * Statut étudiant boursier (CNOUS, v4).
 *
 * @param struckOff est radié
 * @param struckOffOn date de radiation, when struck off
 * @param echelon {@code 0bis} or {@code 1}..{@code 7}
 * @param provisionalRegional whether the regional scholarship is provisional
 * @param academicYearStart date de rentrée
 * @param durationMonths months of payment
 * @param scholar whether the student holds a scholarship
 * @param establishment the establishment's name
 * @param establishmentCommune its commune
 */
public record StudentScholarship(
        boolean scholar,
        boolean struckOff,
        @Nullable LocalDate struckOffOn,
        String echelon,
        boolean provisionalRegional,
        LocalDate academicYearStart,
        int durationMonths,
        String establishment,
        String establishmentCommune) {}
