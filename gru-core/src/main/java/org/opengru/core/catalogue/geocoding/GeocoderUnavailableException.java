package org.opengru.core.catalogue.geocoding;

import org.opengru.core.error.GruException;

/**
 * The geocoder could not answer; says why, never the address searched (it is personal data). Retrying
 * later may work. {@link org.opengru.core.catalogue.AddressCheck} accepts the address unverified instead.
 */
public class GeocoderUnavailableException extends GruException {

    /** Why the geocoder could not answer. */
    public enum Reason {
        /** No answer within the configured time (connection or whole request). */
        TIMEOUT,
        /** The connection failed. */
        UNREACHABLE,
        /** HTTP 429: too many requests for the service's quota. */
        RATE_LIMITED,
        /** HTTP 5xx. */
        SERVER_ERROR,
        /** Another HTTP status, or a body that is not the expected GeoJSON. */
        BAD_RESPONSE
    }

    private final Reason reason;

    /**
     * The geocoder could not answer.
     *
     * @param reason why
     * @param message what happened, without the address searched
     */
    public GeocoderUnavailableException(Reason reason, String message) {
        super("geocoder unavailable (" + reason + "): " + message);
        this.reason = reason;
    }

    /**
     * The geocoder could not answer because of another failure.
     *
     * @param reason why
     * @param message what happened, without the address searched
     * @param cause the failure (an I/O error, a timeout)
     */
    public GeocoderUnavailableException(Reason reason, String message, Throwable cause) {
        super("geocoder unavailable (" + reason + "): " + message, cause);
        this.reason = reason;
    }

    /**
     * Why the geocoder could not answer.
     *
     * @return the reason
     */
    public Reason reason() {
        return reason;
    }
}
