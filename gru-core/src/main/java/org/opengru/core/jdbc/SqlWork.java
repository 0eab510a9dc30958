package org.opengru.core.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/** Work done on a connection inside a transaction. */
@FunctionalInterface
public interface SqlWork<T> {

    T apply(Connection connection) throws SQLException;
}
