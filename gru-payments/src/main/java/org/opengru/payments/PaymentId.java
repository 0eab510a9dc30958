package org.opengru.payments;

import java.util.UUID;
import org.opengru.core.error.ValidationException;

/** Identifies a payment inside OpenGRU (time-ordered when made by {@code IdGenerator}). */
public record PaymentId(UUID value) {

    public PaymentId {
        if (value == null) {
            throw new ValidationException("paymentId", null, "is required");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
