package org.opengru.core.error;

import org.jspecify.annotations.Nullable;

/**
 * Base of every exception OpenGRU throws on purpose. Each failure kind has its own subtype, so that a
 * caller can tell a bad input from a denial, an illegal transition, a missing object or a concurrent
 * update. Other modules extend it for their own failure kinds.
 */
public abstract class GruException extends RuntimeException {

    /**
     * An exception whose message names what was refused and why.
     *
     * @param message the message, in English, with identifiers but no personal data
     */
    protected GruException(String message) {
        super(message);
    }

    /**
     * An exception caused by another (a database or network failure).
     *
     * @param message the message, in English, with identifiers but no personal data
     * @param cause the underlying failure, or {@code null}
     */
    protected GruException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
