package org.opengru.franceconnect.callback;

import org.jspecify.annotations.Nullable;
import org.opengru.franceconnect.FranceConnectException;

/** The authorization callback was refused at one of its stages. */
public abstract class CallbackException extends FranceConnectException {
    private static final long serialVersionUID = 1L;

    protected CallbackException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
