package org.opengru.franceconnect.apiparticulier;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** 409 {@code 00015}: the same request with this token is already being processed. */
public final class ConflictException extends ApiParticulierException {
    private static final long serialVersionUID = 1L;

    public ConflictException(String message, int status, List<ApiError> errors, @Nullable Throwable cause) {
        super(message, status, errors, cause);
    }
}
