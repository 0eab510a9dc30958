package org.opengru.core.notification.sms;

import org.jspecify.annotations.Nullable;
import org.opengru.core.error.GruException;

/** The SMS provider refused or failed a message. */
public class SmsGatewayException extends GruException {

    private final boolean permanent;
    private final int status;

    /**
     * A refusal or failure of the provider.
     *
     * @param message what happened
     * @param permanent whether retrying cannot help
     * @param status the HTTP status, or 0
     * @param cause the network failure, or {@code null}
     */
    public SmsGatewayException(String message, boolean permanent, int status, @Nullable Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
        this.status = status;
    }

    /**
     * Whether retrying the same message cannot help (invalid number, rejected content).
     *
     * @return {@code true} for a permanent refusal
     */
    public boolean permanent() {
        return permanent;
    }

    /**
     * The HTTP status, or 0 when no response came.
     *
     * @return the status
     */
    public int status() {
        return status;
    }
}
