package org.opengru.scheduling.hold;

import java.util.regex.Pattern;
import org.opengru.core.error.ValidationException;

/** The payment provider's reference of a payment (PayFiP's operation id...): 1 to 64 safe characters. */
public record PaymentReference(String value) {

    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    /**
     * Checks the form of the reference.
     *
     * @param value the provider's reference
     * @throws ValidationException naming {@code paymentReference} and the value when it is absent or not 1 to
     *     64 letters, digits or {@code . _ : -} (it goes into SQL parameters, logs and the audit trail)
     */
    public PaymentReference {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new ValidationException("paymentReference", value, "must be 1 to 64 letters, digits or . _ : -");
        }
    }

    /**
     * The reference of this value.
     *
     * @param value the provider's reference
     * @return the checked reference
     * @throws ValidationException when the value is absent or malformed, as the constructor
     */
    public static PaymentReference of(String value) {
        return new PaymentReference(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
