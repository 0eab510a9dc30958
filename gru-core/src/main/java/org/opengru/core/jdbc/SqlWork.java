package org.opengru.core.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Work done on a connection inside a transaction.
 *
 * @param <T> the result's type
 */
@FunctionalInterface
public interface SqlWork<T> {

    /**
     * Runs the work on the transaction's connection.
     *
     * @param connection the connection
     * @return the result
     * @throws SQLException as the driver throws it
     */
    T apply(Connection connection) throws SQLException;
}
