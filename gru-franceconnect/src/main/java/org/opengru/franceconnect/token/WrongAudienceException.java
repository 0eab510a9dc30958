package org.opengru.franceconnect.token;

/** {@code aud} does not contain our client id, or {@code azp} names another client: a token issued to another service. */
public final class WrongAudienceException extends TokenValidationException {
    private static final long serialVersionUID = 1L;

    /**
     * Refuses the token.
     *
     * @param message the check that failed and the value found, never the token itself
     */
    public WrongAudienceException(String message) {
        super(message);
    }

    /**
     * Refuses the token, with the failure of the library that checked it.
     *
     * @param message the check that failed, never the token itself
     * @param cause the underlying failure
     */
    public WrongAudienceException(String message, Throwable cause) {
        super(message, cause);
    }
}
