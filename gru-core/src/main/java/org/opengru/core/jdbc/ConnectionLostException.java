package org.opengru.core.jdbc;

import java.sql.SQLException;

/**
 * The connection to PostgreSQL broke during an operation (or could not be opened). The outcome is
 * unknown: the transaction may or may not have committed. Retry the command with the same idempotency
 * key: the stores then return the first outcome and do nothing twice.
 */
public class ConnectionLostException extends TransientDataAccessException {

    /**
     * A connection broken during the operation, or not opened.
     *
     * @param operation what was being done, such as {@code request.apply}
     * @param cause the driver's exception
     */
    public ConnectionLostException(String operation, SQLException cause) {
        super(
                operation + " lost its database connection; the outcome is unknown, retry with the same"
                        + " idempotency key: " + cause.getMessage(),
                cause);
    }
}
