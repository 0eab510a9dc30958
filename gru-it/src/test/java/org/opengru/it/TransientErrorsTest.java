package org.opengru.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opengru.core.id.UsagerId;
import org.opengru.core.jdbc.ConnectionLostException;
import org.opengru.core.jdbc.JdbcTransactions;
import org.opengru.core.jdbc.TransientDataAccessException;
import org.opengru.core.notification.NotificationStore;
import org.opengru.core.notification.inbox.InboxStore;
import org.opengru.documents.store.DocumentStore;
import org.opengru.franceconnect.apiparticulier.ratelimit.PostgresRateLimiter;
import org.opengru.franceconnect.flow.PostgresLoginFlowStore;
import org.opengru.franceconnect.link.PostgresAccountLinkStore;
import org.opengru.scheduling.booking.BookingPolicy;
import org.opengru.scheduling.booking.BookingRequest;
import org.opengru.scheduling.booking.RateLimiter;
import org.opengru.scheduling.booking.WaitingListStore;
import org.opengru.scheduling.postgres.PostgresBookingStore;
import org.opengru.scheduling.postgres.PostgresWaitingListStore;
import org.opengru.test.MutableClock;
import org.opengru.test.net.FaultInjectingProxy;
import org.opengru.test.postgres.EmbeddedPostgresExtension;
import org.opengru.test.postgres.PostgresDatabase;
import org.opengru.test.scheduling.SchedulingFixture;

/**
 * Item 4 of issue 19: in every PostgreSQL store of every module, a lost connection (cut by a TCP proxy in
 * the middle of the operation), a serialization failure or a deadlock is the one typed "retry with the
 * same key" exception, {@link TransientDataAccessException}; any other database failure is not.
 */
@ExtendWith(EmbeddedPostgresExtension.class)
class TransientErrorsTest {

    private static final UsagerId USAGER = UsagerId.of(UUID.randomUUID());

    private final PostgresDatabase db;
    private FaultInjectingProxy proxy;

    TransientErrorsTest(PostgresDatabase db) {
        this.db = db;
        AllModules.migrate(db.dataSource());
    }

    /** One store operation of one module, and a table its statements name. */
    record Operation(String name, String table, Consumer<DataSource> call) {}

    static List<Operation> operations() {
        MutableClock clock = new MutableClock(SchedulingFixture.MONDAY_9AM);
        return List.of(
                new Operation(
                        "booking",
                        "scheduling_booking",
                        ds -> SchedulingFixture.service(
                                        new PostgresBookingStore(ds, Set.of("logiciel-metier")),
                                        clock,
                                        BookingPolicy.defaults(),
                                        RateLimiter.unlimited())
                                .book(BookingRequest.online(
                                                SchedulingFixture.TENANT,
                                                SchedulingFixture.SITE,
                                                SchedulingFixture.PASSPORT,
                                                SchedulingFixture.at(1, 10, 0),
                                                UsagerId.of(UUID.randomUUID()))
                                        .withAntsNumber(SchedulingFixture.ANTS))),
                new Operation(
                        "waiting list",
                        "scheduling_waiting",
                        ds -> new PostgresWaitingListStore(ds)
                                .join(new WaitingListStore.Entry(
                                        SchedulingFixture.TENANT,
                                        SchedulingFixture.SITE,
                                        SchedulingFixture.PASSPORT,
                                        USAGER,
                                        LocalDate.of(2026, 6, 9),
                                        LocalDate.of(2026, 6, 12)))),
                new Operation(
                        "booking rate limit",
                        "scheduling_rate_limit",
                        ds -> new org.opengru.scheduling.postgres.PostgresRateLimiter(
                                        ds, "book", 5, Duration.ofMinutes(1))
                                .tryAcquire("usager-1", clock.instant())),
                new Operation(
                        "documents",
                        "gru_document",
                        ds -> DocumentStore.postgres(ds).byOwner(SchedulingFixture.TENANT, USAGER)),
                new Operation(
                        "franceconnect sign-in flow",
                        "franceconnect_pending_login",
                        ds -> new PostgresLoginFlowStore(ds).consume("commune-69123", "state-1")),
                new Operation(
                        "franceconnect account link",
                        "franceconnect_account_link",
                        ds -> new PostgresAccountLinkStore(ds).byUsager(SchedulingFixture.TENANT, USAGER)),
                new Operation(
                        "api particulier rate limit",
                        "franceconnect_api_particulier_rate",
                        ds -> new PostgresRateLimiter(ds, 20).reserve("token-1", Duration.ZERO)),
                new Operation(
                        "notifications",
                        "gru_notification",
                        ds -> NotificationStore.postgres(JdbcTransactions.of(ds))
                                .eraseUsager(SchedulingFixture.TENANT, USAGER)),
                new Operation(
                        "inbox",
                        "gru_inbox",
                        ds -> InboxStore.postgres(JdbcTransactions.of(ds))
                                .unreadCount(SchedulingFixture.TENANT, USAGER)));
    }

    @BeforeEach
    void startProxy() throws Exception {
        proxy = FaultInjectingProxy.start(db.host(), db.port());
    }

    @AfterEach
    void stopProxy() {
        proxy.close();
    }

    @Test
    void aConnectionCutDuringTheOperationIsTransientInEveryStore() {
        DataSource viaProxy = db.dataSourceVia(proxy.host(), proxy.port());
        int fired = 0;
        for (Operation op : operations()) {
            proxy.cutBeforeClientSends(op.table());
            assertThatThrownBy(() -> op.call().accept(viaProxy))
                    .as(op.name())
                    .isInstanceOf(ConnectionLostException.class)
                    .isInstanceOf(TransientDataAccessException.class);
            assertThat(proxy.faultsFired())
                    .as("the cut happened during " + op.name())
                    .isEqualTo(++fired);
            op.call().accept(viaProxy); // the next call, on a new connection, goes through
        }
    }

    @Test
    void aSerializationFailureOrADeadlockIsTransientInEveryStore() {
        for (String state : List.of("40001", "40P01")) {
            for (Operation op : operations()) {
                assertThatThrownBy(() -> op.call().accept(failing(db.dataSource(), op.table(), state)))
                        .as(op.name() + " " + state)
                        .isInstanceOfSatisfying(
                                TransientDataAccessException.class,
                                e -> assertThat(e.sqlState()).isEqualTo(state));
            }
        }
    }

    @Test
    void anyOtherDatabaseFailureIsNotTransient() {
        for (Operation op : operations()) {
            assertThatThrownBy(() -> op.call().accept(failing(db.dataSource(), op.table(), "42P01")))
                    .as(op.name())
                    .isInstanceOf(RuntimeException.class)
                    .isNotInstanceOf(TransientDataAccessException.class);
        }
    }

    /** A data source whose statements naming {@code table} fail with {@code sqlState}, as PostgreSQL's would. */
    static DataSource failing(DataSource target, String table, String sqlState) {
        return (DataSource) Proxy.newProxyInstance(
                DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    Object result = invoke(target, method, args);
                    return result instanceof Connection c ? failingConnection(c, table, sqlState) : result;
                });
    }

    private static Connection failingConnection(Connection target, String table, String sqlState) {
        return (Connection) Proxy.newProxyInstance(
                Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    failIfNamed(args, table, sqlState);
                    Object result = invoke(target, method, args);
                    if (result instanceof Statement s && method.getName().equals("createStatement")) {
                        return Proxy.newProxyInstance(
                                Statement.class.getClassLoader(), new Class<?>[] {Statement.class}, (p, m, a) -> {
                                    failIfNamed(a, table, sqlState);
                                    return invoke(s, m, a);
                                });
                    }
                    return result;
                });
    }

    private static void failIfNamed(Object[] args, String table, String sqlState) throws SQLException {
        if (args != null && args.length > 0 && args[0] instanceof String sql && sql.contains(table)) {
            throw new SQLException("injected failure on " + table, sqlState);
        }
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
