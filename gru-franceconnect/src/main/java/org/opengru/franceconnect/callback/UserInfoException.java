package org.opengru.franceconnect.callback;

import org.jspecify.annotations.Nullable;

/** Userinfo could not be fetched, or came in another format than expected. */
public final class UserInfoException extends CallbackException {
    private static final long serialVersionUID = 1L;
    private final int status;

    public UserInfoException(String message, int status, @Nullable Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** The HTTP status, 0 when no answer arrived. */
    public int status() {
        return status;
    }
}
