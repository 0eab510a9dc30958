package org.opengru.core.acknowledgment;

/**
 * The mandatory mentions of an accusé de réception, each a block placeholder that every template must
 * hold, alone on its line. The library writes their wording; the commune adjusts everything around them.
 */
public enum Mention {
    /** Date (and time) of receipt: CRPA L112-11 and R112-11-1, 1°. Also names the démarche and reference. */
    RECEIPT("receipt", "L112-11, R112-11-1 1°"),
    /** Designation, postal address, e-mail and phone of the service in charge: R112-11-1, 2°. */
    SERVICE("service", "R112-11-1 2°"),
    /**
     * Whether silence means acceptance or rejection and the date it occurs, with the attestation of an
     * implicit acceptance (L232-3): R112-11-1, 1° and last paragraph.
     */
    IMPLICIT_DECISION("implicitDecision", "R112-11-1 1° and last paragraph, L232-3"),
    /** Means and delays of appeal against an implicit rejection: R112-11-1, last paragraph. */
    APPEAL("appeal", "R112-11-1 last paragraph"),
    /** Missing pieces and information, the deadline to send them and its effect on the period: R112-11-2. */
    MISSING_PIECES("missingPieces", "R112-11-2, L114-5");

    private final String key;
    private final String legalBasis;

    Mention(String key, String legalBasis) {
        this.key = key;
        this.legalBasis = legalBasis;
    }

    /**
     * The placeholder, such as {@code {{mention:receipt}}}.
     *
     * @return the placeholder a template holds for this mention
     */
    public String placeholder() {
        return "{{mention:" + key + "}}";
    }

    /**
     * The articles of the code des relations entre le public et l'administration it implements.
     *
     * @return such as {@code R112-11-1 2°}
     */
    public String legalBasis() {
        return legalBasis;
    }
}
