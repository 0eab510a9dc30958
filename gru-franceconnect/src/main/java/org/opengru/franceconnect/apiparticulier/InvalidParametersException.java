package org.opengru.franceconnect.apiparticulier;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** 400/422: badly formatted civil status ({@code 00366}), missing {@code recipient} ({@code 00203}), or refused locally before sending. */
public final class InvalidParametersException extends ApiParticulierException {
    private static final long serialVersionUID = 1L;

    /**
     * Raised by {@link ApiParticulierClient} from an answer, or locally before anything is sent.
     *
     * @param message what failed, never response data nor the token
     * @param status the HTTP status, 0 when refused locally or unanswered
     * @param errors the answer's documented errors, possibly none
     * @param cause the underlying failure, or {@code null}
     */
    public InvalidParametersException(String message, int status, List<ApiError> errors, @Nullable Throwable cause) {
        super(message, status, errors, cause);
    }
}
