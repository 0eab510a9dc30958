package org.opengru.payments;

/**
 * The provider's read-back does not match the stored order (another debt reference or amount): the
 * payment is left as it was, for an agent to look at.
 */
public final class ReadBackMismatchException extends PaymentException {

    private final String field;
    private final String expected;
    private final String actual;

    public ReadBackMismatchException(OperationId operationId, String field, String expected, String actual) {
        super("operation " + operationId + ": the provider says " + field + "=" + actual + " where " + expected
                + " was ordered");
        this.field = field;
        this.expected = expected;
        this.actual = actual;
    }

    public String field() {
        return field;
    }

    public String expected() {
        return expected;
    }

    public String actual() {
        return actual;
    }
}
