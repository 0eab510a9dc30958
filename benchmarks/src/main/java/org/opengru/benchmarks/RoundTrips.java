package org.opengru.benchmarks;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A data source that counts what its connections send to the server: round trips (each statement
 * execution, commit and rollback; pgjdbc sends a statement's parse, bind and execute in one flush) and
 * transactions (statements run in auto-commit, plus explicit commits and rollbacks). Diagnostics only:
 * the proxies cost the client a few hundred nanoseconds per call, alike in every phase wrapped.
 */
public final class RoundTrips implements DataSource {

    private final DataSource target;
    private final LongAdder roundTrips = new LongAdder();
    private final LongAdder transactions = new LongAdder();

    /** Counts over {@code target}. */
    public RoundTrips(DataSource target) {
        this.target = target;
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

    @Override
    public Connection getConnection() throws SQLException {
        return counting(target.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return counting(target.getConnection(username, password));
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

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return target.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        target.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        target.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return target.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return false;
    }
}
