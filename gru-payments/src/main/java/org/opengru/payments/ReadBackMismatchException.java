package org.opengru.payments;

/**
 * The provider's read-back does not match the stored order (another debt reference or amount): the
 * payment is left as it was, for an agent to look at.
 */
public final class ReadBackMismatchException extends PaymentException {

    /** The field that differs. */
    private final String field;
    /** What was ordered. */
    private final String expected;
    /** What the provider says. */
    private final String actual;

    /**
     * Refuses a read-back.
     *
     * @param operationId the operation
     * @param field the field that differs
     * @param expected what was ordered
     * @param actual what the provider says
     */
    public ReadBackMismatchException(OperationId operationId, String field, String expected, String actual) {
        super("operation " + operationId + ": the provider says " + field + "=" + actual + " where " + expected
                + " was ordered");
        this.field = field;
        this.expected = expected;
        this.actual = actual;
    }

    /**
     * The field that differs, such as {@code montant}.
     *
     * @return the field's name
     */
    public String field() {
        return field;
    }

    /**
     * What was ordered.
     *
     * @return the value
     */
    public String expected() {
        return expected;
    }

    /**
     * What the provider says.
     *
     * @return the value
     */
    public String actual() {
        return actual;
    }
}
