package org.opengru.test.postgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A database of its own on the shared embedded server, created for one test class.
 *
 * <p>{@link #dataSource()} and {@link #newDataSource()} return independent, unpooled data sources:
 * two of them stand for two application nodes sharing one PostgreSQL.
 *
 * @param host the server's loopback address
 * @param port the server's TCP port (a fault-injection proxy connects there)
 * @param databaseName the database created for this test class
 * @param user the role the application connects as
 */
public record PostgresDatabase(String host, int port, String databaseName, String user) {

    /** The JDBC URL of this database. */
    public String jdbcUrl() {
        return jdbcUrl(host, port);
    }

    /** The JDBC URL of this database reached through another address, for example a proxy. */
    public String jdbcUrl(String host, int port) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + databaseName;
    }

    /** A data source on this database. */
    public DataSource dataSource() {
        return newDataSource();
    }

    /** A new, independent data source on this database (another "node"). */
    public DataSource newDataSource() {
        return dataSourceVia(host, port);
    }

    /** A data source that connects through another address, for example a TCP proxy. */
    public DataSource dataSourceVia(String host, int port) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setServerNames(new String[] {host});
        ds.setPortNumbers(new int[] {port});
        ds.setDatabaseName(databaseName);
        ds.setUser(user);
        ds.setPassword("");
        ds.setApplicationName("opengru-test");
        return ds;
    }

    /** Runs SQL statements (for example a migration script) on this database. */
    public void execute(String sql) {
        try (Connection c = dataSource().getConnection();
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("SQL failed on " + databaseName + ": " + e.getMessage(), e);
        }
    }
}
