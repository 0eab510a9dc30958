package org.opengru.franceconnect.apiparticulier;

import java.util.Locale;

/**
 * The datasets a commune may be habilitated to read (one DataPass habilitation each), used in the
 * per-démarche allow-list and in the audit.
 */
public enum ApiParticulierScope {
    /** Quotient familial CAF ou MSA (v3 {@code /v3/dss/quotient_familial}). */
    QUOTIENT_FAMILIAL,
    /** Statut étudiant (v3 {@code /v3/mesri/statut_etudiant}). */
    STATUT_ETUDIANT,
    /** Statut étudiant boursier (v4 {@code /v4/cnous/etudiant_boursier}). */
    STATUT_ETUDIANT_BOURSIER,
    /** Statut demandeur d'emploi (v3 {@code /v3/france_travail/statut}). */
    STATUT_DEMANDEUR_EMPLOI,
    /** Revenu de solidarité active (v3 {@code /v3/dss/revenu_solidarite_active}). */
    REVENU_SOLIDARITE_ACTIVE,
    /** Complémentaire santé solidaire (v3 {@code /v3/dss/complementaire_sante_solidaire}). */
    COMPLEMENTAIRE_SANTE_SOLIDAIRE,
    /** Prime d'activité (v3 {@code /v3/dss/prime_activite}). */
    PRIME_ACTIVITE,
    /** Allocation aux adultes handicapés (v3 {@code /v3/dss/allocation_adulte_handicape}). */
    ALLOCATION_ADULTE_HANDICAPE,
    /** Allocation de soutien familial (v3 {@code /v3/dss/allocation_soutien_familial}). */
    ALLOCATION_SOUTIEN_FAMILIAL,
    /** Allocation d'éducation de l'enfant handicapé (v3 {@code /v3/dss/allocation_enfant_handicape}). */
    ALLOCATION_EDUCATION_ENFANT_HANDICAPE,
    /** Indemnités France Travail (v3 {@code /v3/france_travail/indemnites}). */
    INDEMNITES_FRANCE_TRAVAIL,
    /** Scolarité d'un élève (v4 {@code /v4/men/scolarites}). */
    SCOLARITE;

    /**
     * Lower-case code used in audit entries.
     *
     * @return the scope's code, such as {@code quotient_familial}
     */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
