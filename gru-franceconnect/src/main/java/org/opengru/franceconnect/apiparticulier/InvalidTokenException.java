package org.opengru.franceconnect.apiparticulier;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** 401: the token is invalid or missing ({@code 00101}), expired ({@code 00103}), blacklisted after a leak ({@code 00105}); v2 {@code 50002}. */
public final class InvalidTokenException extends ApiParticulierException {
    private static final long serialVersionUID = 1L;

    public InvalidTokenException(String message, int status, List<ApiError> errors, @Nullable Throwable cause) {
        super(message, status, errors, cause);
    }
}
