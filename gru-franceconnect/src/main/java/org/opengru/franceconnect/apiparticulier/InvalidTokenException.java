package org.opengru.franceconnect.apiparticulier;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** 401: the token is invalid or missing ({@code 00101}), expired ({@code 00103}), blacklisted after a leak ({@code 00105}); v2 {@code 50002}. */
public final class InvalidTokenException extends ApiParticulierException {
    private static final long serialVersionUID = 1L;

    /**
     * Raised by {@link ApiParticulierClient} from an answer, or locally before anything is sent.
     *
     * @param message what failed, never response data nor the token
     * @param status the HTTP status, 0 when refused locally or unanswered
     * @param errors the answer's documented errors, possibly none
     * @param cause the underlying failure, or {@code null}
     */
    public InvalidTokenException(String message, int status, List<ApiError> errors, @Nullable Throwable cause) {
        super(message, status, errors, cause);
    }

    /**
     * {@code 00103}: the token's 18 months are over; ask for a new one on the API Particulier portal.
     *
     * @return whether the token has expired
     */
    public boolean expired() {
        return "00103".equals(code());
    }

    /**
     * {@code 00105}: the token leaked and was blacklisted; replace it and find the leak.
     *
     * @return whether the token was blacklisted
     */
    public boolean blacklisted() {
        return "00105".equals(code());
    }
}
