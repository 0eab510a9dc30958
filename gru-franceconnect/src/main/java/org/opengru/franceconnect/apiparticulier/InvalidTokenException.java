package org.opengru.franceconnect.apiparticulier;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** 401: the token is invalid or missing ({@code 00101}), expired ({@code 00103}), blacklisted after a leak ({@code 00105}); v2 {@code 50002}. */
public final class InvalidTokenException extends ApiParticulierException {
    private static final long serialVersionUID = 1L;

    public InvalidTokenException(String message, int status, List<ApiError> errors, @Nullable Throwable cause) {
        super(message, status, errors, cause);
    }

    /** {@code 00103}: the token's 18 months are over; ask for a new one on the API Particulier portal. */
    public boolean expired() {
        return "00103".equals(code());
    }

    /** {@code 00105}: the token leaked and was blacklisted; replace it and find the leak. */
    public boolean blacklisted() {
        return "00105".equals(code());
    }
}
