package org.opengru.franceconnect.callback;

/** The {@code iss} response parameter names another provider (mix-up attack, RFC 9207), or is missing where announced. */
public final class IssuerMismatchException extends CallbackException {
    private static final long serialVersionUID = 1L;

    /**
     * Refuses the callback's issuer.
     *
     * @param message the issuer expected and the one received
     */
    public IssuerMismatchException(String message) {
        super(message, null);
    }
}
