package org.opengru.test.reservation;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.opengru.test.postgres.PostgresDatabase;
import org.opengru.test.postgres.SqlRows;

/**
 * What the connections of a data source send to PostgreSQL, per thread: each statement executed (its SQL)
 * and each commit, rollback or savepoint, one round trip each (pgjdbc sends a statement's parse, bind and
 * execute in one flush, and BEGIN with the first statement). A store wrapped by {@link #around} logs, for
 * each call of its writing methods, what that call sent, to check that a change of an item is one statement
 * writing its row and its event.
 */
final class RoundTripLog {

    /** A statement that writes an item row. */
    static final Pattern ITEM_WRITE = Pattern.compile(
            "(INSERT\\s+INTO|UPDATE)\\s+scheduling_(reservation|registration|booking_payment)(?![_\\w])");
    /** A statement that writes an event of the item log. */
    static final Pattern EVENT_WRITE = Pattern.compile("INSERT\\s+INTO\\s+scheduling_item_event(?![_\\w])");

    /** One call of a store's writing method and what it sent, in order. */
    record Call(String method, Object[] args, List<String> sent) {

        long statements() {
            return sent.stream().filter(s -> !isControl(s)).count();
        }

        long commits() {
            return sent.stream().filter("COMMIT"::equals).count();
        }

        /** The statements writing an item row without its event, or an event without its item row. */
        List<String> apart() {
            return sent.stream()
                    .filter(s -> ITEM_WRITE.matcher(s).find()
                            != EVENT_WRITE.matcher(s).find())
                    .toList();
        }

        @Override
        public String toString() {
            return method + " sent " + sent.size() + " round trips: " + sent;
        }
    }

    private final ThreadLocal<List<String>> current = new ThreadLocal<>();
    private final Queue<Call> calls = new ConcurrentLinkedQueue<>();
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final DataSource dataSource;

    RoundTripLog(DataSource target) {
        this.dataSource = (DataSource) Proxy.newProxyInstance(
                DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    Object result = invoke(method, target, args);
                    return result instanceof Connection c ? connection(c) : result;
                });
    }

    /** The logging data source. */
    DataSource dataSource() {
        return dataSource;
    }

    /** Forgets the calls logged so far. */
    void clear() {
        calls.clear();
    }

    /**
     * Each call wrote its item row and its event in one statement and sent nothing else (no lock, savepoint
     * or commit of its own): one round trip, one transaction.
     */
    static void assertEachChangeIsOneStatement(List<Call> calls) {
        for (Call call : calls) {
            assertThat(call.sent()).as("%s", call).hasSize(1);
            assertThat(call.apart()).as("%s", call).isEmpty();
        }
    }

    /**
     * Each call wrote each item row it changed and that row's event in one statement, and no event or item
     * row apart.
     */
    static void assertEachItemWriteCarriesItsEvent(List<Call> calls) {
        for (Call call : calls) {
            assertThat(call.apart()).as("%s", call).isEmpty();
        }
    }

    /** The names of the methods called since this log was made. */
    Set<String> seen() {
        return Set.copyOf(seen);
    }

    /**
     * Counts, from now on, each write of a row of the item tables in a side table, with its transaction:
     * {@link #assertEachItemRowWrittenOncePerTransaction} reads it.
     */
    static void countItemRowWrites(PostgresDatabase db) {
        db.execute("CREATE TABLE test_item_row_write (tx xid8 NOT NULL DEFAULT pg_current_xact_id(), item text)");
        db.execute("CREATE FUNCTION test_item_row_written() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                + " INSERT INTO test_item_row_write (item) VALUES (TG_TABLE_NAME || ':'"
                + " || coalesce(to_jsonb(NEW) ->> 'id', to_jsonb(NEW) ->> 'hold_id')); RETURN NEW; END $$");
        for (String table :
                List.of("scheduling_reservation", "scheduling_registration", "scheduling_booking_payment")) {
            db.execute("CREATE TRIGGER test_item_row_written AFTER INSERT OR UPDATE ON " + table
                    + " FOR EACH ROW EXECUTE FUNCTION test_item_row_written()");
        }
    }

    /** No transaction wrote one item row twice (before the fold, the event statement updated it again). */
    static void assertEachItemRowWrittenOncePerTransaction(PostgresDatabase db) throws SQLException {
        assertThat(SqlRows.of(
                        db.dataSource(),
                        "SELECT item, count(*) FROM test_item_row_write GROUP BY tx, item HAVING count(*) > 1"))
                .as("item rows written twice in one transaction")
                .isEmpty();
        assertThat(SqlRows.of(db.dataSource(), "SELECT count(*) > 0 FROM test_item_row_write"))
                .as("item rows were written")
                .containsExactly("[true]");
    }

    /** The calls logged so far. */
    List<Call> calls() {
        return List.copyOf(calls);
    }

    /**
     * The store, each call of whose methods named {@code writes} is logged with what it sent (its thread's
     * statements while it ran).
     */
    <S> S around(Class<S> type, S store, Set<String> writes) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (!writes.contains(method.getName())) {
                return invoke(method, store, args);
            }
            List<String> sent = new ArrayList<>();
            List<String> outer = current.get();
            current.set(sent);
            try {
                return invoke(method, store, args);
            } finally {
                current.set(outer);
                seen.add(method.getName());
                calls.add(new Call(method.getName(), args == null ? new Object[0] : args, List.copyOf(sent)));
            }
        }));
    }

    private static boolean isControl(String sent) {
        return sent.equals("COMMIT") || sent.startsWith("ROLLBACK") || sent.equals("SAVEPOINT");
    }

    private void log(String sent) {
        List<String> sink = current.get();
        if (sink != null) {
            sink.add(sent);
        }
    }

    private Connection connection(Connection physical) {
        return (Connection) Proxy.newProxyInstance(
                Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "commit" -> log("COMMIT");
                        case "rollback" -> log(args == null ? "ROLLBACK" : "ROLLBACK TO SAVEPOINT");
                        case "setSavepoint", "releaseSavepoint" -> log("SAVEPOINT");
                        default -> {}
                    }
                    Object result = invoke(method, physical, args);
                    if (result instanceof PreparedStatement ps) {
                        return statement(PreparedStatement.class, ps, (String) args[0]);
                    }
                    if (result instanceof Statement s) {
                        return statement(Statement.class, s, null);
                    }
                    return result;
                });
    }

    private Object statement(Class<? extends Statement> type, Statement target, String prepared) {
        return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (method.getName().toLowerCase(Locale.ROOT).startsWith("execute")) {
                log(prepared != null ? prepared : (String) args[0]);
            }
            return invoke(method, target, args);
        });
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
