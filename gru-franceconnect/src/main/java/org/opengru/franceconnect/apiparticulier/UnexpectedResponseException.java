package org.opengru.franceconnect.apiparticulier;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** The answer does not follow the OpenAPI description (status, content type or body). */
public final class UnexpectedResponseException extends ApiParticulierException {
    private static final long serialVersionUID = 1L;

    public UnexpectedResponseException(String message, int status, List<ApiError> errors, @Nullable Throwable cause) {
        super(message, status, errors, cause);
    }
}
