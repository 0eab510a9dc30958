package org.opengru.franceconnect.apiparticulier;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** 400/422: badly formatted civil status ({@code 00366}), missing {@code recipient} ({@code 00203}), or refused locally before sending. */
public final class InvalidParametersException extends ApiParticulierException {
    private static final long serialVersionUID = 1L;

    public InvalidParametersException(String message, int status, List<ApiError> errors, @Nullable Throwable cause) {
        super(message, status, errors, cause);
    }
}
