package org.opengru.franceconnect.callback;

import org.jspecify.annotations.Nullable;

/** The code could not be exchanged at the token endpoint (error answer, timeout, malformed response). */
public final class TokenExchangeException extends CallbackException {
    private static final long serialVersionUID = 1L;
    /** The HTTP status, 0 when no answer arrived. */
    private final int status;
    /** The OAuth {@code error} code, or {@code null}. */
    private final @Nullable String error;
    /** Whether the token endpoint did not answer in time. */
    private final boolean timeout;

    /**
     * Reports a failed code exchange.
     *
     * @param message what failed, never the code
     * @param status the HTTP status, 0 when no answer arrived
     * @param error the OAuth {@code error} code, or {@code null}
     * @param timeout whether the exchange timed out
     * @param cause the underlying failure, or {@code null}
     */
    public TokenExchangeException(
            String message, int status, @Nullable String error, boolean timeout, @Nullable Throwable cause) {
        super(message, cause);
        this.status = status;
        this.error = error;
        this.timeout = timeout;
    }

    /**
     * The HTTP status, 0 when no answer arrived.
     *
     * @return the status, or 0
     */
    public int status() {
        return status;
    }

    /**
     * The OAuth {@code error} code ({@code invalid_grant} for a used or expired code), if any.
     *
     * @return the code, or {@code null}
     */
    public @Nullable String error() {
        return error;
    }

    /**
     * Whether the token endpoint did not answer in time: the code may have been used, so the login must start
     * again rather than retry the exchange.
     *
     * @return {@code true} on a timeout
     */
    public boolean timeout() {
        return timeout;
    }
}
