package org.opengru.scheduling;

import org.jspecify.annotations.Nullable;
import org.opengru.core.error.GruException;

/** Base of every exception the scheduling module throws on purpose. */
public abstract class SchedulingException extends GruException {

    protected SchedulingException(String message) {
        super(message);
    }

    protected SchedulingException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
