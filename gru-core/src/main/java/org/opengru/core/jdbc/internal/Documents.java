package org.opengru.core.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reading JSON document columns (shared by the document-style adapters). */
final class Documents {

    private Documents() {}

    interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    static <T> List<T> list(Connection c, String sql, Binder binder, Class<T> type) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            List<T> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(PostgresRequestStore.JSON.readValue(rs.getString(1), type));
                }
            }
            return out;
        }
    }

    static <T> Optional<T> one(Connection c, String sql, Binder binder, Class<T> type) throws SQLException {
        List<T> all = list(c, sql, binder, type);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    static String json(Object value) {
        return PostgresRequestStore.JSON.writeValueAsString(value);
    }
}
