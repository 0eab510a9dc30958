package org.opengru.franceconnect;

import org.jspecify.annotations.Nullable;

/** Base of every failure raised by gru-franceconnect; subclasses name one failure kind each. */
public abstract class FranceConnectException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    protected FranceConnectException(String message) {
        super(message);
    }

    protected FranceConnectException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
