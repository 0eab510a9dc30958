package org.opengru.franceconnect.apiparticulier;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.opengru.franceconnect.FranceConnectException;

/** An API Particulier call failed; subclasses name the kind, {@link #errors()} the documented codes. */
public abstract class ApiParticulierException extends FranceConnectException {
    private static final long serialVersionUID = 1L;
    /** The HTTP status, 0 when refused locally or unanswered. */
    private final int status;

    private final transient List<ApiError> errors;

    /**
     * For subclasses.
     *
     * @param message what failed, never response data nor the token
     * @param status the HTTP status, 0 when refused locally or unanswered
     * @param errors the answer's documented errors, possibly none
     * @param cause the underlying failure, or {@code null}
     */
    protected ApiParticulierException(String message, int status, List<ApiError> errors, @Nullable Throwable cause) {
        super(message, cause);
        this.status = status;
        this.errors = List.copyOf(errors);
    }

    /**
     * The HTTP status; 0 when the call was refused locally or no answer arrived.
     *
     * @return the status, or 0
     */
    public int status() {
        return status;
    }

    /**
     * The errors of the answer, in its order.
     *
     * @return the documented errors, empty when refused locally or unanswered
     */
    public List<ApiError> errors() {
        return errors;
    }

    /**
     * The first error's code, or empty when there is none.
     *
     * @return the code, such as {@code 37001}, or {@code ""}
     */
    public String code() {
        return errors.isEmpty() ? "" : errors.get(0).code();
    }

    /**
     * The data provider named by the first error's {@code meta.provider} (CNAF, MSA...), if any.
     *
     * @return the provider, or {@code null}
     */
    public @Nullable String provider() {
        return errors.isEmpty() ? null : errors.get(0).meta().get("provider");
    }
}
