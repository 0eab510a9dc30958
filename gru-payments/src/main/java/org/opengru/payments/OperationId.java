package org.opengru.payments;

import java.util.regex.Pattern;
import org.opengru.core.error.ValidationException;

/**
 * The provider's id of one payment operation (PayFiP's {@code idOp}): the key of the whole flow. It comes
 * back on the notification URL and the return URL, so it is checked like any input.
 *
 * @param value the provider's operation id ({@code idOp})
 */
public record OperationId(String value) {

    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    /**
     * Checks the id.
     *
     * @param value the provider's operation id ({@code idOp})
     * @throws ValidationException when it is not 1-64 characters of A-Z, a-z, 0-9, '_' or '-'
     */
    public OperationId {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new ValidationException("operationId", value, "must be 1-64 characters of A-Z, a-z, 0-9, '_', '-'");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
