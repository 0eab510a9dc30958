package org.opengru.franceconnect.apiparticulier;

import java.util.Locale;

/**
 * The datasets a commune may be habilitated to read (one DataPass habilitation each), used in the
 * per-démarche allow-list and in the audit.
 */
public enum ApiParticulierScope {
    /** Quotient familial CAF ou MSA (v3 {@code /v3/dss/quotient_familial}). */
    QUOTIENT_FAMILIAL,
    /** Composition familiale CAF (v2 {@code /api/v2/composition-familiale-v2}). */
    COMPOSITION_FAMILIALE,
    /** Statut étudiant (v3 {@code /v3/mesri/statut_etudiant}). */
    STATUT_ETUDIANT,
    /** Statut étudiant boursier (v3 {@code /v3/cnous/etudiant_boursier}). */
    STATUT_ETUDIANT_BOURSIER,
    /** Statut demandeur d'emploi (v3 {@code /v3/france_travail/statut}). */
    STATUT_DEMANDEUR_EMPLOI,
    /** Revenu de solidarité active (v3 {@code /v3/dss/revenu_solidarite_active}). */
    REVENU_SOLIDARITE_ACTIVE,
    /** Complémentaire santé solidaire (v3 {@code /v3/dss/complementaire_sante_solidaire}). */
    COMPLEMENTAIRE_SANTE_SOLIDAIRE;

    /** Lower-case code used in audit entries. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
