package org.opengru.franceconnect.token;

/** {@code aud} does not contain our client id, or {@code azp} names another client: a token issued to another service. */
public final class WrongAudienceException extends TokenValidationException {
    private static final long serialVersionUID = 1L;

    public WrongAudienceException(String message) {
        super(message);
    }

    public WrongAudienceException(String message, Throwable cause) {
        super(message, cause);
    }
}
