package org.opengru.franceconnect.apiparticulier;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** No answer: connection failure or timeout (5 s by default). */
public final class TransportException extends ApiParticulierException {
    private static final long serialVersionUID = 1L;

    public TransportException(String message, int status, List<ApiError> errors, @Nullable Throwable cause) {
        super(message, status, errors, cause);
    }
}
