package org.opengru.franceconnect.apiparticulier;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** 403 {@code 00100}: the token is valid but its scopes do not cover this data. */
public final class InsufficientPrivilegesException extends ApiParticulierException {
    private static final long serialVersionUID = 1L;

    public InsufficientPrivilegesException(
            String message, int status, List<ApiError> errors, @Nullable Throwable cause) {
        super(message, status, errors, cause);
    }
}
