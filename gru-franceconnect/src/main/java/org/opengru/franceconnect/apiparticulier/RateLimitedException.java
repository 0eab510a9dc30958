package org.opengru.franceconnect.apiparticulier;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * 429 {@code 00429}, or refused locally because an earlier answer asked us to wait: ignoring it gets
 * the commune's IP banned for 12 hours.
 */
public final class RateLimitedException extends ApiParticulierException {
    private static final long serialVersionUID = 1L;
    /** No call before this instant. */
    private final Instant retryAt;

    /**
     * Raised by {@link ApiParticulierClient} on a {@code 429}, or locally when the next slot is too far.
     *
     * @param message what was refused
     * @param status 429, or 0 when refused locally
     * @param errors the answer's documented errors, possibly none
     * @param retryAt the first instant a call may be sent again
     * @param cause the underlying failure, or {@code null}
     */
    public RateLimitedException(
            String message, int status, List<ApiError> errors, Instant retryAt, @Nullable Throwable cause) {
        super(message, status, errors, cause);
        this.retryAt = retryAt;
    }

    /**
     * No call to API Particulier before this instant.
     *
     * @return the instant
     */
    public Instant retryAt() {
        return retryAt;
    }
}
