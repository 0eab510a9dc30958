package org.opengru.scheduling;

import org.jspecify.annotations.Nullable;
import org.opengru.core.error.GruException;

/** Base of every exception the scheduling module throws on purpose. */
public abstract class SchedulingException extends GruException {

    /**
     * For subclasses.
     *
     * @param message what failed and the value at fault
     */
    protected SchedulingException(String message) {
        super(message);
    }

    /**
     * For subclasses, with the failure that caused it.
     *
     * @param message what failed and the value at fault
     * @param cause the underlying failure, or {@code null}
     */
    protected SchedulingException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
