package org.opengru.franceconnect.token;

import org.jspecify.annotations.Nullable;
import org.opengru.franceconnect.FranceConnectException;

/** An ID token or a userinfo JWT was refused. Each subclass names the attack or fault it stops. */
public abstract class TokenValidationException extends FranceConnectException {
    private static final long serialVersionUID = 1L;

    /**
     * For subclasses.
     *
     * @param message the check that failed, never the token itself
     */
    protected TokenValidationException(String message) {
        super(message);
    }

    /**
     * For subclasses.
     *
     * @param message the check that failed, never the token itself
     * @param cause the underlying failure, or {@code null}
     */
    protected TokenValidationException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
