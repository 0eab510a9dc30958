package org.opengru.franceconnect.apiparticulier;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** 502/503/504: the data provider failed ({@code x999}), is unavailable ({@code x001}), timed out ({@code x002}), network ({@code 00501}), DNS ({@code x004}), rate-limited us ({@code 37008}). */
public final class ProviderUnavailableException extends ApiParticulierException {
    private static final long serialVersionUID = 1L;

    /**
     * Raised by {@link ApiParticulierClient} from an answer, or locally before anything is sent.
     *
     * @param message what failed, never response data nor the token
     * @param status the HTTP status, 0 when refused locally or unanswered
     * @param errors the answer's documented errors, possibly none
     * @param cause the underlying failure, or {@code null}
     */
    public ProviderUnavailableException(String message, int status, List<ApiError> errors, @Nullable Throwable cause) {
        super(message, status, errors, cause);
    }
}
