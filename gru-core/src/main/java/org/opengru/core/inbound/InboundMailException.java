package org.opengru.core.inbound;

import org.jspecify.annotations.Nullable;
import org.opengru.core.error.GruException;

/**
 * Base of the reasons an inbound e-mail is refused a place in a request. The mail itself is never lost:
 * it is quarantined as a contact for an agent to look at.
 */
public abstract class InboundMailException extends GruException {

    /**
     * A refusal of a mail.
     *
     * @param message what was refused and why
     * @param cause the failure behind it, or {@code null}
     */
    protected InboundMailException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
