package org.opengru.payments;

import java.util.UUID;
import org.opengru.core.error.ValidationException;

/**
 * Identifies a payment inside OpenGRU (time-ordered when made by {@code IdGenerator}).
 *
 * @param value the UUID
 */
public record PaymentId(UUID value) {

    /**
     * Checks the id.
     *
     * @param value the UUID
     * @throws ValidationException when it is missing
     */
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
