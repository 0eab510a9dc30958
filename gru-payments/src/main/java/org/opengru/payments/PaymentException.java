package org.opengru.payments;

import org.jspecify.annotations.Nullable;
import org.opengru.core.error.GruException;

/** Base of the payment module's failures. */
public abstract class PaymentException extends GruException {

    /**
     * Creates the exception.
     *
     * @param message what failed and the value at fault, never a secret
     */
    protected PaymentException(String message) {
        super(message);
    }

    /**
     * Creates the exception with the failure that caused it.
     *
     * @param message what failed and the value at fault, never a secret
     * @param cause the underlying failure, or {@code null}
     */
    protected PaymentException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
