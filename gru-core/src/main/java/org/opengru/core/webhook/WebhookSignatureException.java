package org.opengru.core.webhook;

import org.opengru.core.error.GruException;

/** A received webhook's signature is missing, malformed, outside the replay window, or wrong. */
public class WebhookSignatureException extends GruException {

    /** Why the signature was refused. */
    public enum Reason {
        MISSING,
        MALFORMED,
        OUTSIDE_REPLAY_WINDOW,
        MISMATCH
    }

    private final Reason reason;

    public WebhookSignatureException(Reason reason, String message) {
        super("webhook signature refused (" + reason + "): " + message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
