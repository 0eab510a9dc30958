package org.opengru.test.postgres;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** A query's rows as text, for the migration tests that compare what old and new tables hold. */
public final class SqlRows {

    private SqlRows() {}

    /**
     * Each row as "[a, b, ...]", times as UTC offsets.
     *
     * @param ds the database
     * @param sql the query
     * @return the rows
     * @throws SQLException when the query fails
     */
    public static List<String> of(DataSource ds, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = ds.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    Object v = rs.getObject(i);
                    if (v instanceof java.sql.Timestamp) {
                        v = rs.getObject(i, OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC);
                    }
                    row.add(String.valueOf(v));
                }
                out.add(row.toString());
            }
        }
        return out;
    }
}
