package org.opengru.benchmarks;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;

/**
 * Counts what the connections of a data source send to the server: round trips (each statement
 * execution, commit and rollback; pgjdbc sends a statement's parse, bind and execute in one flush) and
 * transactions (statements run in auto-commit, plus explicit commits and rollbacks). Diagnostics only:
 * the proxies cost the client a few hundred nanoseconds per call, alike in every phase wrapped.
 */
public final class RoundTrips {

    private final LongAdder roundTrips = new LongAdder();
    private final LongAdder transactions = new LongAdder();
    private final DataSource counted;

    /** Counts what goes through {@link #dataSource()} to {@code target}. */
    public RoundTrips(DataSource target) {
        // Every other method of the data source goes to the target as it is.
        this.counted = (DataSource) Proxy.newProxyInstance(
                DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    Object result = invoke(method, target, args);
                    return result instanceof Connection c ? counting(c) : result;
                });
    }

    /** The counting data source. */
    public DataSource dataSource() {
        return counted;
    }

    /** Counters up to now. */
    public Sample sample() {
        return new Sample(roundTrips.sum(), transactions.sum());
    }

    /** The counts up to one moment. */
    public record Sample(long roundTrips, long transactions) {
        /** Round trips then transactions per operation since {@code earlier}. */
        public double[] perOp(Sample earlier, long operations) {
            long ops = Math.max(1, operations);
            return new double[] {
                (double) (roundTrips - earlier.roundTrips) / ops, (double) (transactions - earlier.transactions) / ops
            };
        }
    }

    private Connection counting(Connection physical) {
        return (Connection) Proxy.newProxyInstance(
                Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    String name = method.getName();
                    if (name.equals("commit") || name.equals("rollback")) {
                        roundTrips.increment();
                        transactions.increment();
                    } else if (name.equals("setAutoCommit")
                            && Boolean.TRUE.equals(args[0])
                            && !physical.getAutoCommit()) {
                        roundTrips.increment(); // commits the open transaction
                        transactions.increment();
                    }
                    Object result = invoke(method, physical, args);
                    if (result instanceof Statement s) {
                        return statement(physical, s);
                    }
                    return result;
                });
    }

    private Object statement(Connection physical, Statement s) {
        Class<?> type = s instanceof CallableStatement
                ? CallableStatement.class
                : s instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
        return Proxy.newProxyInstance(
                Statement.class.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
                    if (method.getName().startsWith("execute")) {
                        roundTrips.increment();
                        if (physical.getAutoCommit()) {
                            transactions.increment();
                        }
                    }
                    return invoke(method, s, args);
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
