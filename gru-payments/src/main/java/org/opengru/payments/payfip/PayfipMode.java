package org.opengru.payments.payfip;

/**
 * PayFiP's {@code saisie}: which of the three modes the DDFiP has opened for the collectivité's client
 * number. Test and activation payments take no money; the DDFiP moves the account to production once
 * activation payments were seen to succeed.
 */
public enum PayfipMode {
    /** {@code T}: test payments on the test page, before any activation. */
    TEST("T"),
    /** {@code X}: activation, real cards and a real flow, the amounts never debited. */
    ACTIVATION("X"),
    /** {@code W}: production. */
    PRODUCTION("W");

    private final String code;

    PayfipMode(String code) {
        this.code = code;
    }

    /**
     * The value of {@code saisie}.
     *
     * @return {@code T}, {@code X} or {@code W}
     */
    public String code() {
        return code;
    }
}
