package org.opengru.franceconnect.apiparticulier;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** No answer: connection failure or timeout (5 s by default). */
public final class TransportException extends ApiParticulierException {
    private static final long serialVersionUID = 1L;

    /**
     * Raised by {@link ApiParticulierClient} from an answer, or locally before anything is sent.
     *
     * @param message what failed, never response data nor the token
     * @param status the HTTP status, 0 when refused locally or unanswered
     * @param errors the answer's documented errors, possibly none
     * @param cause the underlying failure, or {@code null}
     */
    public TransportException(String message, int status, List<ApiError> errors, @Nullable Throwable cause) {
        super(message, status, errors, cause);
    }
}
