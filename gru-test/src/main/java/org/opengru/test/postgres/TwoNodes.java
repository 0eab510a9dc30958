package org.opengru.test.postgres;

import java.sql.SQLException;
import javax.sql.DataSource;
import org.opengru.test.scheduling.SmallPool;

/**
 * Two "nodes" on one embedded PostgreSQL: each has its own small pool of connections over its own data
 * source, as two application servers sharing a database have. A store built on {@link #a()} and another on
 * {@link #b()} race as two nodes would: no connection, lock or cache is shared between them but the
 * database's own. Close it after the tests ({@code @AfterAll}).
 *
 * <pre>{@code
 * nodes = TwoNodes.on(database, 8);
 * Store first = new PostgresStore(nodes.a());
 * Store second = new PostgresStore(nodes.b());
 * }</pre>
 */
public final class TwoNodes implements AutoCloseable {

    private final SmallPool a;
    private final SmallPool b;

    private TwoNodes(SmallPool a, SmallPool b) {
        this.a = a;
        this.b = b;
    }

    /**
     * Opens both pools.
     *
     * @param database the embedded database
     * @param connectionsEach how many connections each node keeps open
     * @return the two nodes
     * @throws SQLException when a connection cannot be opened
     */
    public static TwoNodes on(PostgresDatabase database, int connectionsEach) throws SQLException {
        SmallPool first = new SmallPool(database.dataSource(), connectionsEach);
        try {
            return new TwoNodes(first, new SmallPool(database.newDataSource(), connectionsEach));
        } catch (SQLException | RuntimeException e) {
            first.close();
            throw e;
        }
    }

    /**
     * The first node's connections.
     *
     * @return its pool
     */
    public DataSource a() {
        return a;
    }

    /**
     * The second node's connections.
     *
     * @return its pool
     */
    public DataSource b() {
        return b;
    }

    /** Closes both pools' connections. */
    @Override
    public void close() {
        a.close();
        b.close();
    }
}
