package org.opengru.scheduling.hold;

import java.util.regex.Pattern;
import org.opengru.core.error.ValidationException;

/** The payment provider's reference of a payment (PayFiP's operation id...): 1 to 64 safe characters. */
public record PaymentReference(String value) {

    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    public PaymentReference {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new ValidationException("paymentReference", value, "must be 1 to 64 letters, digits or . _ : -");
        }
    }

    public static PaymentReference of(String value) {
        return new PaymentReference(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
