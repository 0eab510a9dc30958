package org.opengru.franceconnect.apiparticulier;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** 404: the provider does not know the person (CNAF {@code 23003}, MSA {@code 10003}, CNAF &amp; MSA {@code 35003}, MESRI {@code 25003}, CNOUS {@code 26003}, France Travail {@code 24003}, CSS {@code 40003}...). */
public final class PersonNotFoundException extends ApiParticulierException {
    private static final long serialVersionUID = 1L;

    /**
     * Raised by {@link ApiParticulierClient} from an answer, or locally before anything is sent.
     *
     * @param message what failed, never response data nor the token
     * @param status the HTTP status, 0 when refused locally or unanswered
     * @param errors the answer's documented errors, possibly none
     * @param cause the underlying failure, or {@code null}
     */
    public PersonNotFoundException(String message, int status, List<ApiError> errors, @Nullable Throwable cause) {
        super(message, status, errors, cause);
    }
}
