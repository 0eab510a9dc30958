package org.opengru.franceconnect.callback;

import org.jspecify.annotations.Nullable;
import org.opengru.franceconnect.FranceConnectException;

/** The authorization callback was refused at one of its stages. */
public abstract class CallbackException extends FranceConnectException {
    private static final long serialVersionUID = 1L;

    /**
     * For subclasses.
     *
     * @param message what failed, never a code, token or personal data
     * @param cause the underlying failure, or {@code null}
     */
    protected CallbackException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
