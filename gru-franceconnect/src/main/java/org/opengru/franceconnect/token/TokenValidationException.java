package org.opengru.franceconnect.token;

import org.jspecify.annotations.Nullable;
import org.opengru.franceconnect.FranceConnectException;

/** An ID token or a userinfo JWT was refused. Each subclass names the attack or fault it stops. */
public abstract class TokenValidationException extends FranceConnectException {
    private static final long serialVersionUID = 1L;

    protected TokenValidationException(String message) {
        super(message);
    }

    protected TokenValidationException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
