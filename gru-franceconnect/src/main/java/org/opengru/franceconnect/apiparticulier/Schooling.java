package org.opengru.franceconnect.apiparticulier;

import org.jspecify.annotations.Nullable;

/**
 * Scolarité d'un élève (ministère de l'Éducation nationale); the pupil's identity echoed by the API is
 * deliberately not kept (data minimisation).
 *
 * @param enrolled est scolarisé
 * @param schoolYear année scolaire ({@code 2022-2023})
 * @param establishmentUai code UAI de l'établissement
 * @param statusCode statut de l'élève ({@code ST} scolaire, {@code AP} apprenti...)
 * @param statusLabel its label
 * @param trainingLabel the MEF label, when known
 * @param scholar est boursier
 * @param scholarshipLevel échelon de bourse (1-6), or {@code null}
 */
public record Schooling(
        boolean enrolled,
        String schoolYear,
        String establishmentUai,
        String statusCode,
        String statusLabel,
        @Nullable String trainingLabel,
        boolean scholar,
        @Nullable Integer scholarshipLevel) {}
