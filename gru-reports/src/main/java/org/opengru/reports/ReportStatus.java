package org.opengru.reports;

/** Where a signalement stands; the legal moves are {@link ReportTransition}'s table. */
public enum ReportStatus {
    /** Anonymous, its e-mail not yet verified: not filed, seen by no one, purged when the link expires. */
    AWAITING_VERIFICATION("en attente de confirmation"),
    /** Reçu: filed and routed to a team. */
    RECEIVED("reçu"),
    /** Pris en charge by the team. */
    IN_PROGRESS("pris en charge"),
    /** Résolu. */
    RESOLVED("résolu"),
    /** Rejeté (not the commune's, not a problem, or a duplicate merged into another report). */
    REJECTED("rejeté");

    private final String french;

    ReportStatus(String french) {
        this.french = french;
    }

    /**
     * The status as residents read it.
     *
     * @return such as {@code pris en charge}
     */
    public String french() {
        return french;
    }

    /**
     * Reçu or pris en charge: proposed as a duplicate, open to "+1".
     *
     * @return {@code true} for received or in progress
     */
    public boolean open() {
        return this == RECEIVED || this == IN_PROGRESS;
    }

    /**
     * Filed: agents and the public may see it.
     *
     * @return {@code true} once verified (every status but {@link #AWAITING_VERIFICATION})
     */
    public boolean filed() {
        return this != AWAITING_VERIFICATION;
    }
}
