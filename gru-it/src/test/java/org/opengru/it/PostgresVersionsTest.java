package org.opengru.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipFile;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.opengru.core.GruCore;
import org.opengru.core.jdbc.Migrations;
import org.opengru.core.jdbc.PostgresPersistence;
import org.opengru.core.jdbc.UnsupportedDatabaseException;
import org.opengru.core.request.RequestStore;
import org.opengru.scheduling.booking.BookingStore;
import org.opengru.scheduling.postgres.PostgresBookingStore;
import org.opengru.test.core.GruCoreStoresContract;
import org.opengru.test.core.RequestStoreContract;
import org.opengru.test.scheduling.BookingStoreContract;
import org.opengru.test.scheduling.SmallPool;

/**
 * The PostgreSQL versions the README promises (issue 21): every module's migrations and the store
 * contracts of requests and bookings on the oldest supported major version and on the newest, while the
 * rest of the suite runs on the version the build pins; and a version older than supported is refused
 * by name before anything is written. The binaries come from Maven Central like the default ones, copied
 * aside by the build because two of them cannot share a class path.
 */
class PostgresVersionsTest {

    private static final Map<String, EmbeddedPostgres> SERVERS = new HashMap<>();
    private static int databases;

    /** A new database, every module migrated, on the server of the given binaries ({@code oldest}...). */
    static synchronized DataSource migratedDatabase(String binaries) {
        EmbeddedPostgres server = SERVERS.computeIfAbsent(binaries, PostgresVersionsTest::start);
        String name = "versions_" + (++databases);
        execute(server, "CREATE DATABASE " + name);
        DataSource ds = server.getDatabase("postgres", name);
        AllModules.migrate(ds);
        return ds;
    }

    private static EmbeddedPostgres start(String binaries) {
        Path jar = Path.of(System.getProperty("opengru.postgres.binaries", "target/postgres-binaries"))
                .resolve(binaries + ".jar");
        try {
            byte[] txz;
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                try (InputStream in = zip.getInputStream(zip.getEntry("postgres-linux-x86_64.txz"))) {
                    txz = in.readAllBytes();
                }
            }
            return EmbeddedPostgres.builder()
                    .setPgBinaryResolver((system, hardware) -> new ByteArrayInputStream(txz))
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("timezone", "UTC")
                    .setServerConfig("max_connections", "300")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "could not start PostgreSQL from " + jar + " (exists: " + Files.exists(jar) + ")", e);
        }
    }

    @AfterAll
    static void stopServers() throws IOException {
        POOLS.values().forEach(SmallPool::close);
        for (EmbeddedPostgres server : SERVERS.values()) {
            server.close();
        }
    }

    static int majorVersion(DataSource ds) throws SQLException {
        try (Connection c = ds.getConnection()) {
            return c.getMetaData().getDatabaseMajorVersion();
        }
    }

    @Test
    void theVersionsTestedAreTheOnesNamed() throws SQLException {
        assertThat(majorVersion(migratedDatabase("oldest"))).isEqualTo(Migrations.MINIMUM_POSTGRESQL);
        assertThat(majorVersion(migratedDatabase("newest"))).isGreaterThanOrEqualTo(18);
    }

    @Test
    void anOlderPostgresqlIsRefusedByNameBeforeAnythingIsWritten() throws SQLException {
        EmbeddedPostgres server = SERVERS.computeIfAbsent("unsupported", PostgresVersionsTest::start);
        DataSource ds = server.getPostgresDatabase();

        assertThatThrownBy(() -> Migrations.core().migrate(ds))
                .isInstanceOf(UnsupportedDatabaseException.class)
                .hasMessageContaining("PostgreSQL " + Migrations.MINIMUM_POSTGRESQL + " or newer")
                .hasMessageContaining("major version 14");
        try (Connection c = ds.getConnection();
                ResultSet rs = c.createStatement()
                        .executeQuery(
                                "SELECT count(*) FROM information_schema.tables" + " WHERE table_schema = 'public'")) {
            rs.next();
            assertThat(rs.getInt(1)).as("tables created on the refused server").isZero();
        }
    }

    @Nested
    class CoreStoresOnTheOldest extends GruCoreStoresContract {
        @Override
        protected GruCore core() {
            return coreOn(migratedDatabase("oldest"), clock);
        }
    }

    @Nested
    class CoreStoresOnTheNewest extends GruCoreStoresContract {
        @Override
        protected GruCore core() {
            return coreOn(migratedDatabase("newest"), clock);
        }
    }

    @Nested
    class RequestStoreOnTheOldest extends RequestStoreContract {
        private final RequestStore store =
                persistence(migratedDatabase("oldest"), Clock.systemUTC()).requestStore();

        @Override
        protected RequestStore store() {
            return store;
        }
    }

    @Nested
    class RequestStoreOnTheNewest extends RequestStoreContract {
        private final RequestStore store =
                persistence(migratedDatabase("newest"), Clock.systemUTC()).requestStore();

        @Override
        protected RequestStore store() {
            return store;
        }
    }

    @Nested
    class BookingStoreOnTheOldest extends BookingStoreContract {
        @Override
        protected BookingStore newStore() {
            return bookingStoreOn("oldest");
        }
    }

    @Nested
    class BookingStoreOnTheNewest extends BookingStoreContract {
        @Override
        protected BookingStore newStore() {
            return bookingStoreOn("newest");
        }
    }

    private static final Map<String, String> BOOKING_TEMPLATES = new HashMap<>();
    private static final Map<String, SmallPool> POOLS = new HashMap<>();

    /**
     * A new database for each booking case, as the booking suite empties its tables before each: copied
     * from a migrated template (the audit tables refuse TRUNCATE, and a copy is faster than migrating).
     */
    static synchronized BookingStore bookingStoreOn(String binaries) {
        EmbeddedPostgres server = SERVERS.computeIfAbsent(binaries, PostgresVersionsTest::start);
        String template = BOOKING_TEMPLATES.computeIfAbsent(binaries, b -> {
            String name = "booking_template_" + b;
            execute(server, "CREATE DATABASE " + name);
            AllModules.migrate(server.getDatabase("postgres", name));
            return name;
        });
        String name = "booking_" + (++databases);
        execute(server, "CREATE DATABASE " + name + " TEMPLATE " + template);
        try {
            // A small pool, as the booking suite uses: its concurrency cases open many connections at once.
            // The previous case of this version is over: its connections go back before new ones open.
            SmallPool previous = POOLS.remove(binaries);
            if (previous != null) {
                previous.close();
            }
            SmallPool pool = new SmallPool(server.getDatabase("postgres", name), 16);
            POOLS.put(binaries, pool);
            return new PostgresBookingStore(pool, Set.of("logiciel-metier"));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void execute(EmbeddedPostgres server, String sql) {
        try (Connection c = server.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    static PostgresPersistence persistence(DataSource ds, Clock clock) {
        PostgresPersistence pg = PostgresPersistence.builder(ds, clock)
                .outboxSubscribers(Set.of("logiciel-metier"))
                .build();
        pg.migrate();
        return pg;
    }

    static GruCore coreOn(DataSource ds, Clock clock) {
        PostgresPersistence pg = persistence(ds, clock);
        return GruCore.builder()
                .clock(clock)
                .requestStore(pg.requestStore())
                .exchangeStore(pg.exchangeStore())
                .procedureStore(pg.procedureStore())
                .usagerStore(pg.usagerStore())
                .mandateStore(pg.mandateStore())
                .teamDirectory(pg.teamDirectory())
                .referenceSequence(pg.referenceSequence())
                .build();
    }
}
