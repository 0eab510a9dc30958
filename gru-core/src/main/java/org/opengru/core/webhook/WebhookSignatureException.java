package org.opengru.core.webhook;

import org.opengru.core.error.GruException;

/** A received webhook's signature is missing, malformed, outside the replay window, or wrong. */
public class WebhookSignatureException extends GruException {

    /** Why the signature was refused. */
    public enum Reason {
        /** No signature header. */
        MISSING,
        /** A header that is not {@code t=<seconds>,v1=<hex>}. */
        MALFORMED,
        /** A timestamp outside the replay window. */
        OUTSIDE_REPLAY_WINDOW,
        /** No {@code v1} value matches the body. */
        MISMATCH
    }

    private final Reason reason;

    /**
     * A refused signature.
     *
     * @param reason why
     * @param message what was refused
     */
    public WebhookSignatureException(Reason reason, String message) {
        super("webhook signature refused (" + reason + "): " + message);
        this.reason = reason;
    }

    /**
     * Why the signature was refused.
     *
     * @return the reason
     */
    public Reason reason() {
        return reason;
    }
}
