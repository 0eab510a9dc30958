package org.opengru.test.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts one real PostgreSQL server per test JVM (the first test class that needs it starts it; it
 * stops when the JVM's test run ends) and gives each test class a fresh database of its own.
 *
 * <pre>{@code
 * @ExtendWith(EmbeddedPostgresExtension.class)
 * class MyStoreTest {
 *     @Test
 *     void stores(PostgresDatabase db) { DataSource ds = db.dataSource(); ... }
 * }
 * }</pre>
 *
 * <p>Test methods, constructors and lifecycle methods may declare a {@link PostgresDatabase} or a
 * {@link DataSource} parameter. The server runs with {@code synchronous_commit=off} for speed;
 * benchmarks that need durable commits start their own server with {@link #startServer(boolean)}.
 */
public final class EmbeddedPostgresExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(EmbeddedPostgresExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        database(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == PostgresDatabase.class || type == DataSource.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context)
            throws ParameterResolutionException {
        PostgresDatabase db = database(context);
        return parameter.getParameter().getType() == DataSource.class ? db.dataSource() : db;
    }

    /** The database of the test class that {@code context} belongs to, created on first use. */
    public static PostgresDatabase database(ExtensionContext context) {
        ExtensionContext classContext = classContext(context);
        return classContext
                .getStore(NAMESPACE)
                .computeIfAbsent(
                        "database",
                        key -> server(context).createDatabase(classContext.getRequiredTestClass()),
                        PostgresDatabase.class);
    }

    private static Server server(ExtensionContext context) {
        // The root store lives as long as the test run of this JVM and closes the server at its end.
        return context.getRoot().getStore(NAMESPACE).computeIfAbsent("server", key -> startServer(false), Server.class);
    }

    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext current = context;
        while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
            current = current.getParent().get();
        }
        return current;
    }

    /**
     * Starts a new embedded server. The caller closes it.
     *
     * @param durableCommits {@code true} for fsync'd, synchronous commits (benchmarks)
     */
    public static Server startServer(boolean durableCommits) {
        try {
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setServerConfig("synchronous_commit", durableCommits ? "on" : "off")
                    .setServerConfig("fsync", durableCommits ? "on" : "off")
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("timezone", "UTC")
                    .start();
            return new Server(pg);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL server", e);
        }
    }

    /** A running embedded server; closing it stops the server and deletes its data. */
    public static final class Server implements AutoCloseable {
        private final EmbeddedPostgres postgres;
        private final AtomicInteger databases = new AtomicInteger();

        Server(EmbeddedPostgres postgres) {
            this.postgres = postgres;
        }

        /** The server's TCP port. */
        public int port() {
            return postgres.getPort();
        }

        /** Creates a new empty database whose name recalls {@code owner}. */
        public PostgresDatabase createDatabase(Class<?> owner) {
            String name = (owner.getSimpleName() + "_" + databases.incrementAndGet()).toLowerCase(Locale.ROOT);
            try (Connection c = postgres.getPostgresDatabase().getConnection();
                    Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE \"" + name + "\"");
            } catch (SQLException e) {
                throw new IllegalStateException("Could not create test database " + name, e);
            }
            return new PostgresDatabase("localhost", postgres.getPort(), name, "postgres");
        }

        @Override
        public void close() throws IOException {
            postgres.close();
        }
    }
}
