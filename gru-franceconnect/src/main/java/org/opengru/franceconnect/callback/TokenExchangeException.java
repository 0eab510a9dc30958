package org.opengru.franceconnect.callback;

import org.jspecify.annotations.Nullable;

/** The code could not be exchanged at the token endpoint (error answer, timeout, malformed response). */
public final class TokenExchangeException extends CallbackException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final @Nullable String error;
    private final boolean timeout;

    public TokenExchangeException(
            String message, int status, @Nullable String error, boolean timeout, @Nullable Throwable cause) {
        super(message, cause);
        this.status = status;
        this.error = error;
        this.timeout = timeout;
    }

    /** The HTTP status, 0 when no answer arrived. */
    public int status() {
        return status;
    }

    /** The OAuth {@code error} code ({@code invalid_grant} for a used or expired code), if any. */
    public @Nullable String error() {
        return error;
    }

    public boolean timeout() {
        return timeout;
    }
}
