package org.opengru.franceconnect.apiparticulier;

import java.time.LocalDate;
import java.util.List;

/**
 * Statut étudiant (MESRI): the person's admissions.
 *
 * @param admissions the admissions, enrolled or only admitted
 */
public record StudentStatus(List<Admission> admissions) {
    /**
     * Copies the admissions, so that the record stays immutable.
     *
     * @param admissions the admissions, enrolled or only admitted
     */
    public StudentStatus {
        admissions = List.copyOf(admissions);
    }

    /**
     * One admission.
     *
     * @param enrolled registered ({@code true}) or only admitted
     * @param regimeCode {@code RF1}..{@code RF7} (formation initiale, continue, apprentissage...)
     * @param uai the establishment's UAI code
     * @param start the first day
     * @param end the last day
     * @param regimeLabel the regime's label
     * @param establishment the establishment's name
     */
    public record Admission(
            LocalDate start,
            LocalDate end,
            boolean enrolled,
            String regimeCode,
            String regimeLabel,
            String uai,
            String establishment) {}

    /**
     * Whether an enrolment covers this day.
     *
     * @param day the day to check, such as the first day of the school year
     * @return {@code true} when an enrolment (not a mere admission) covers the day
     */
    public boolean enrolledOn(LocalDate day) {
        return admissions.stream().anyMatch(a -> a.enrolled() && !day.isBefore(a.start()) && !day.isAfter(a.end()));
    }
}
