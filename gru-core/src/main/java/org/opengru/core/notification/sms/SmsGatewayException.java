package org.opengru.core.notification.sms;

import org.jspecify.annotations.Nullable;
import org.opengru.core.error.GruException;

/** The SMS provider refused or failed a message. */
public class SmsGatewayException extends GruException {

    private final boolean permanent;
    private final int status;

    public SmsGatewayException(String message, boolean permanent, int status, @Nullable Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
        this.status = status;
    }

    /** Whether retrying the same message cannot help (invalid number, rejected content). */
    public boolean permanent() {
        return permanent;
    }

    /** The HTTP status, or 0 when no response came. */
    public int status() {
        return status;
    }
}
