package org.opengru.payments;

import org.jspecify.annotations.Nullable;
import org.opengru.core.error.GruException;

/** Base of the payment module's failures. */
public abstract class PaymentException extends GruException {

    protected PaymentException(String message) {
        super(message);
    }

    protected PaymentException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
