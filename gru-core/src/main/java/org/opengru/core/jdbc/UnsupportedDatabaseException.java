package org.opengru.core.jdbc;

/**
 * The database is not one OpenGRU runs on: not PostgreSQL, or a PostgreSQL older than {@link
 * Migrations#MINIMUM_POSTGRESQL}. Thrown by {@link Migrations#migrate} before anything is written, so an
 * unsupported server fails the start with the version found and the one needed, not later with a syntax
 * error in the middle of a script.
 */
public class UnsupportedDatabaseException extends DataAccessException {

    private final String product;
    private final String version;

    /**
     * A database refused before migrating.
     *
     * @param product the product the driver reports
     * @param version the version the driver reports
     * @param majorVersion the major version
     */
    public UnsupportedDatabaseException(String product, String version, int majorVersion) {
        super(
                "OpenGRU needs PostgreSQL " + Migrations.MINIMUM_POSTGRESQL + " or newer; the database is "
                        + product + " " + version
                        + (product.equals("PostgreSQL") ? " (major version " + majorVersion + ")" : "")
                        + ": nothing was migrated",
                null);
        this.product = product;
        this.version = version;
    }

    /**
     * The database product the driver reports, such as {@code PostgreSQL}.
     *
     * @return the product's name
     */
    public String product() {
        return product;
    }

    /**
     * The server version the driver reports, such as {@code 14.12}.
     *
     * @return the version
     */
    public String version() {
        return version;
    }
}
