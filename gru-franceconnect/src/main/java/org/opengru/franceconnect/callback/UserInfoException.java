package org.opengru.franceconnect.callback;

import org.jspecify.annotations.Nullable;

/** Userinfo could not be fetched, or came in another format than expected. */
public final class UserInfoException extends CallbackException {
    private static final long serialVersionUID = 1L;
    /** The HTTP status, 0 when no answer arrived. */
    private final int status;

    /**
     * Reports a failed userinfo call.
     *
     * @param message what failed, never the token nor the claims
     * @param status the HTTP status, 0 when no answer arrived
     * @param cause the underlying failure, or {@code null}
     */
    public UserInfoException(String message, int status, @Nullable Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /**
     * The HTTP status, 0 when no answer arrived.
     *
     * @return the status, or 0
     */
    public int status() {
        return status;
    }
}
