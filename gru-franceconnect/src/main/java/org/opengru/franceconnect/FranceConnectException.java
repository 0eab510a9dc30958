package org.opengru.franceconnect;

import org.jspecify.annotations.Nullable;

/** Base of every failure raised by gru-franceconnect; subclasses name one failure kind each. */
public abstract class FranceConnectException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * For subclasses: a failure without an underlying cause.
     *
     * @param message what failed, never a token or personal data
     */
    protected FranceConnectException(String message) {
        super(message);
    }

    /**
     * For subclasses: a failure caused by another exception (a parse or I/O error).
     *
     * @param message what failed, never a token or personal data
     * @param cause the underlying failure, or {@code null}
     */
    protected FranceConnectException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
