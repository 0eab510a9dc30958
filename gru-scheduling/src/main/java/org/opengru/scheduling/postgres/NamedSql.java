package org.opengru.scheduling.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** SQL with {@code :name} parameters (a name may repeat; {@code ::type} casts are left alone). */
final class NamedSql {

    private static final Pattern PARAM = Pattern.compile("(?<![:\\w]):([a-z_][a-z0-9_]*)");

    private final String sql;
    private final List<String> names;

    NamedSql(String named) {
        Matcher m = PARAM.matcher(named);
        StringBuilder sb = new StringBuilder();
        List<String> order = new ArrayList<>();
        while (m.find()) {
            order.add(m.group(1));
            m.appendReplacement(sb, "?");
        }
        m.appendTail(sb);
        this.sql = sb.toString();
        this.names = List.copyOf(order);
    }

    String sql() {
        return sql;
    }

    /** Binds values by name; {@link Instant}s as timestamptz, {@code String[]} as text arrays. */
    PreparedStatement prepare(Connection c, Map<String, ?> values) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        try {
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(i);
                if (!values.containsKey(name)) {
                    throw new IllegalArgumentException("no value for :" + name);
                }
                bind(c, ps, i + 1, values.get(name));
            }
            return ps;
        } catch (SQLException | RuntimeException e) {
            ps.close();
            throw e;
        }
    }

    private static void bind(Connection c, PreparedStatement ps, int i, @Nullable Object v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.VARCHAR);
        } else if (v instanceof Instant t) {
            ps.setObject(i, OffsetDateTime.ofInstant(t, ZoneOffset.UTC));
        } else if (v instanceof Integer n) {
            ps.setInt(i, n);
        } else if (v instanceof Boolean b) {
            ps.setBoolean(i, b);
        } else if (v instanceof String[] a) {
            ps.setArray(i, c.createArrayOf("text", a));
        } else {
            ps.setString(i, v.toString());
        }
    }

    /** A mutable parameter map that accepts nulls. */
    static Map<String, @Nullable Object> params() {
        return new HashMap<>();
    }
}
