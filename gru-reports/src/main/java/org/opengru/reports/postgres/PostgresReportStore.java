package org.opengru.reports.postgres;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.opengru.core.error.AlreadyExistsException;
import org.opengru.core.error.ConcurrentUpdateException;
import org.opengru.core.id.TeamId;
import org.opengru.core.id.UsagerId;
import org.opengru.core.jdbc.JdbcTransactions;
import org.opengru.core.tenancy.TenantId;
import org.opengru.core.value.EmailAddress;
import org.opengru.documents.storage.BlobKey;
import org.opengru.reports.Follower;
import org.opengru.reports.GeoPoint;
import org.opengru.reports.Report;
import org.opengru.reports.ReportChange;
import org.opengru.reports.ReportId;
import org.opengru.reports.ReportPhoto;
import org.opengru.reports.ReportQuery;
import org.opengru.reports.ReportStatus;
import org.opengru.reports.ReportStore;
import org.opengru.reports.Reporter;

/**
 * The report store in PostgreSQL ({@link ReportsSchema}'s tables), plain JDBC. A report and its photos,
 * followers and history are written in one transaction; {@link #update} is one UPDATE guarded by the
 * version read, so among nodes racing to change one report exactly one wins.
 */
public final class PostgresReportStore implements ReportStore {

    private static final String COLUMNS = "tenant_id, id, category, lat, lon, address, zone, description, status,"
            + " team_id, created_at, received_at, resolved_at, merged_into, version";
    private static final String UNIQUE_VIOLATION = "23505";

    private final JdbcTransactions tx;

    /**
     * The store over gru-core's transactions (one transaction per write, or the caller's when open).
     *
     * @param tx the transactions of {@code PostgresPersistence}
     */
    public PostgresReportStore(JdbcTransactions tx) {
        this.tx = Objects.requireNonNull(tx, "tx");
    }

    /** Joins the transaction open on the thread through the same {@code JdbcTransactions}, or opens one. */
    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return tx.inTransaction(c -> work.get());
    }

    @Override
    public void insert(Report r) {
        try {
            tx.inTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO report (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    ps.setString(1, r.tenant().value());
                    ps.setObject(2, r.id().value());
                    fill(ps, 3, r);
                    ps.setLong(15, r.version());
                    ps.executeUpdate();
                }
                writeChildren(c, r);
                return null;
            });
        } catch (RuntimeException e) {
            if (sqlState(e, UNIQUE_VIOLATION)) {
                throw new AlreadyExistsException("report", r.id().toString());
            }
            throw e;
        }
    }

    /** Columns 3 to 14: everything but the keys and the version. */
    private static void fill(PreparedStatement ps, int i, Report r) throws SQLException {
        ps.setString(i, r.category());
        ps.setDouble(i + 1, r.location().lat());
        ps.setDouble(i + 2, r.location().lon());
        ps.setString(i + 3, r.address());
        ps.setString(i + 4, r.zone());
        ps.setString(i + 5, r.description());
        ps.setString(i + 6, r.status().name());
        ps.setString(i + 7, r.team().value());
        ps.setTimestamp(i + 8, Timestamp.from(r.createdAt()));
        ps.setTimestamp(i + 9, ts(r.receivedAt()));
        ps.setTimestamp(i + 10, ts(r.resolvedAt()));
        ps.setObject(i + 11, r.mergedInto() == null ? null : r.mergedInto().value());
    }

    @Override
    public void update(Report r) {
        tx.inTransaction(c -> {
            int changed;
            try (PreparedStatement ps = c.prepareStatement("UPDATE report SET category = ?, lat = ?, lon = ?,"
                    + " address = ?, zone = ?, description = ?, status = ?, team_id = ?, created_at = ?,"
                    + " received_at = ?, resolved_at = ?, merged_into = ?, version = ?"
                    + " WHERE tenant_id = ? AND id = ? AND version = ?")) {
                fill(ps, 1, r);
                ps.setLong(13, r.version());
                ps.setString(14, r.tenant().value());
                ps.setObject(15, r.id().value());
                ps.setLong(16, r.version() - 1);
                changed = ps.executeUpdate();
            }
            if (changed == 0) {
                long actual = -1;
                try (PreparedStatement ps =
                        c.prepareStatement("SELECT version FROM report WHERE tenant_id = ? AND id = ?")) {
                    ps.setString(1, r.tenant().value());
                    ps.setObject(2, r.id().value());
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            actual = rs.getLong(1);
                        }
                    }
                }
                throw new ConcurrentUpdateException("report", r.id().toString(), r.version() - 1, actual);
            }
            for (String table : List.of("report_photo", "report_follower", "report_history")) {
                try (PreparedStatement ps =
                        c.prepareStatement("DELETE FROM " + table + " WHERE tenant_id = ? AND report_id = ?")) {
                    ps.setString(1, r.tenant().value());
                    ps.setObject(2, r.id().value());
                    ps.executeUpdate();
                }
            }
            writeChildren(c, r);
            return null;
        });
    }

    private static void writeChildren(Connection c, Report r) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO report_photo (tenant_id, report_id, position,"
                + " blob_key, media_type, size_bytes) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < r.photos().size(); i++) {
                ReportPhoto p = r.photos().get(i);
                ps.setString(1, r.tenant().value());
                ps.setObject(2, r.id().value());
                ps.setInt(3, i);
                ps.setString(4, p.blob().value());
                ps.setString(5, p.mediaType());
                ps.setLong(6, p.sizeBytes());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO report_follower (tenant_id, report_id,"
                + " position, usager_id, email, joined_at, verified, token_hash, token_expires_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < r.followers().size(); i++) {
                Follower f = r.followers().get(i);
                ps.setString(1, r.tenant().value());
                ps.setObject(2, r.id().value());
                ps.setInt(3, i);
                ps.setObject(
                        4,
                        f.reporter() instanceof Reporter.Resident res
                                ? res.usager().value()
                                : null);
                ps.setString(
                        5,
                        f.reporter() instanceof Reporter.Anonymous a ? a.email().value() : null);
                ps.setTimestamp(6, Timestamp.from(f.joinedAt()));
                ps.setBoolean(7, f.verified());
                ps.setString(8, f.tokenHash());
                ps.setTimestamp(9, ts(f.tokenExpiresAt()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO report_history (tenant_id, report_id, position,"
                + " at, from_status, to_status, actor) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < r.history().size(); i++) {
                ReportChange h = r.history().get(i);
                ps.setString(1, r.tenant().value());
                ps.setObject(2, r.id().value());
                ps.setInt(3, i);
                ps.setTimestamp(4, Timestamp.from(h.at()));
                ps.setString(5, h.from() == null ? null : h.from().name());
                ps.setString(6, h.to().name());
                ps.setString(7, h.actor());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    @Override
    public Optional<Report> find(TenantId tenant, ReportId id) {
        return select(tenant, "r.id = ?", List.of(id.value()), "", 1).stream().findFirst();
    }

    @Override
    public boolean delete(TenantId tenant, ReportId id) {
        return tx.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM report WHERE tenant_id = ? AND id = ?")) {
                ps.setString(1, tenant.value());
                ps.setObject(2, id.value());
                return ps.executeUpdate() > 0;
            }
        });
    }

    @Override
    public Optional<Report> findByTokenHash(TenantId tenant, String tokenHash) {
        return select(
                        tenant,
                        "r.id IN (SELECT report_id FROM report_follower f WHERE f.tenant_id = r.tenant_id"
                                + " AND f.token_hash = ?)",
                        List.of(tokenHash),
                        "",
                        1)
                .stream()
                .findFirst();
    }

    @Override
    public List<Report> list(ReportQuery q) {
        StringBuilder where = new StringBuilder("r.status <> 'AWAITING_VERIFICATION'");
        List<Object> params = new ArrayList<>();
        if (q.category() != null) {
            where.append(" AND r.category = ?");
            params.add(q.category());
        }
        if (q.status() != null) {
            where.append(" AND r.status = ?");
            params.add(q.status().name());
        }
        if (q.zone() != null) {
            where.append(" AND r.zone = ?");
            params.add(q.zone());
        }
        if (q.teams() != null) {
            if (q.teams().isEmpty()) {
                return List.of(); // an agent of no team lists nothing
            }
            where.append(" AND r.team_id IN (")
                    .append(String.join(", ", Collections.nCopies(q.teams().size(), "?")))
                    .append(")");
            q.teams().forEach(t -> params.add(t.value()));
        }
        return select(q.tenant(), where.toString(), params, "ORDER BY r.created_at DESC, r.id", q.limit());
    }

    @Override
    public List<Report> openInBox(
            TenantId tenant, String category, double south, double west, double north, double east) {
        return select(
                tenant,
                "r.status IN ('RECEIVED', 'IN_PROGRESS') AND r.category = ? AND r.lat BETWEEN ? AND ?"
                        + " AND r.lon BETWEEN ? AND ?",
                List.of(category, south, north, west, east),
                "ORDER BY r.created_at, r.id",
                1000);
    }

    @Override
    public List<Report> resolvedBetween(TenantId tenant, Instant from, Instant to) {
        return select(
                tenant,
                "r.status = 'RESOLVED' AND r.resolved_at >= ? AND r.resolved_at < ?",
                List.of(Timestamp.from(from), Timestamp.from(to)),
                "ORDER BY r.resolved_at, r.id",
                100_000);
    }

    @Override
    public List<Report> followedBy(TenantId tenant, UsagerId usager) {
        return followedBy(tenant, "usager_id", usager.value());
    }

    @Override
    public List<Report> followedBy(TenantId tenant, EmailAddress email) {
        return followedBy(tenant, "email", email.value());
    }

    private List<Report> followedBy(TenantId tenant, String column, Object value) {
        return select(
                tenant,
                "r.id IN (SELECT report_id FROM report_follower f WHERE f.tenant_id = r.tenant_id AND f." + column
                        + " = ?)",
                List.of(value),
                "ORDER BY r.created_at, r.id",
                100_000);
    }

    @Override
    public List<Report> withExpiredTokens(TenantId tenant, Instant now, int limit) {
        return select(
                tenant,
                "r.id IN (SELECT report_id FROM report_follower f WHERE f.tenant_id = r.tenant_id"
                        + " AND f.token_expires_at < ?)",
                List.of(Timestamp.from(now)),
                "ORDER BY r.created_at, r.id",
                limit);
    }

    @Override
    public List<Report> closedWithPersonalDataBefore(TenantId tenant, Instant closedBefore, int limit) {
        return select(
                tenant,
                "r.status IN ('RESOLVED', 'REJECTED') AND r.resolved_at < ? AND r.description <> ?",
                List.of(Timestamp.from(closedBefore), Report.ANONYMISED),
                "ORDER BY r.resolved_at, r.id",
                limit);
    }

    private List<Report> select(TenantId tenant, String where, List<Object> params, String order, int limit) {
        return tx.inTransaction(c -> {
            Map<UUID, Object[]> rows = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS.replaceAll("(\\w+)", "r.$1")
                    + " FROM report r WHERE r.tenant_id = ? AND " + where + " " + order + " LIMIT ?")) {
                int i = 1;
                ps.setString(i++, tenant.value());
                for (Object p : params) {
                    ps.setObject(i++, p);
                }
                ps.setInt(i, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Object[] row = new Object[15];
                        for (int k = 0; k < 15; k++) {
                            row[k] = rs.getObject(k + 1);
                        }
                        rows.put((UUID) row[1], row);
                    }
                }
            }
            if (rows.isEmpty()) {
                return List.of();
            }
            Array ids = c.createArrayOf("uuid", rows.keySet().toArray());
            Map<UUID, List<ReportPhoto>> photos = new LinkedHashMap<>();
            try (ResultSet rs =
                    children(c, "SELECT report_id, blob_key, media_type, size_bytes FROM report_photo", tenant, ids)) {
                while (rs.next()) {
                    photos.computeIfAbsent((UUID) rs.getObject(1), k -> new ArrayList<>())
                            .add(new ReportPhoto(new BlobKey(rs.getString(2)), rs.getString(3), rs.getLong(4)));
                }
            }
            Map<UUID, List<Follower>> followers = new LinkedHashMap<>();
            try (ResultSet rs = children(
                    c,
                    "SELECT report_id, usager_id, email, joined_at, verified, token_hash, token_expires_at"
                            + " FROM report_follower",
                    tenant,
                    ids)) {
                while (rs.next()) {
                    UUID usager = (UUID) rs.getObject(2);
                    Reporter who = usager != null
                            ? Reporter.resident(UsagerId.of(usager))
                            : Reporter.anonymous(EmailAddress.parse(rs.getString(3)));
                    followers
                            .computeIfAbsent((UUID) rs.getObject(1), k -> new ArrayList<>())
                            .add(new Follower(
                                    who,
                                    rs.getTimestamp(4).toInstant(),
                                    rs.getBoolean(5),
                                    rs.getString(6),
                                    rs.getTimestamp(7) == null ? null : instant(rs.getTimestamp(7))));
                }
            }
            Map<UUID, List<ReportChange>> history = new LinkedHashMap<>();
            try (ResultSet rs = children(
                    c, "SELECT report_id, at, from_status, to_status, actor FROM report_history", tenant, ids)) {
                while (rs.next()) {
                    String from = rs.getString(3);
                    history.computeIfAbsent((UUID) rs.getObject(1), k -> new ArrayList<>())
                            .add(new ReportChange(
                                    rs.getTimestamp(2).toInstant(),
                                    from == null ? null : ReportStatus.valueOf(from),
                                    ReportStatus.valueOf(rs.getString(4)),
                                    rs.getString(5)));
                }
            }
            List<Report> out = new ArrayList<>();
            for (Object[] row : rows.values()) {
                UUID id = (UUID) row[1];
                out.add(new Report(
                        tenant,
                        new ReportId(id),
                        (String) row[2],
                        new GeoPoint((Double) row[3], (Double) row[4]),
                        (String) row[5],
                        (String) row[6],
                        (String) row[7],
                        photos.getOrDefault(id, List.of()),
                        ReportStatus.valueOf((String) row[8]),
                        TeamId.of((String) row[9]),
                        followers.getOrDefault(id, List.of()),
                        history.getOrDefault(id, List.of()),
                        instant(row[10]),
                        row[11] == null ? null : instant(row[11]),
                        row[12] == null ? null : instant(row[12]),
                        row[13] == null ? null : new ReportId((UUID) row[13]),
                        ((Number) row[14]).longValue()));
            }
            return out;
        });
    }

    private static ResultSet children(Connection c, String select, TenantId tenant, Array ids) throws SQLException {
        PreparedStatement ps = c.prepareStatement(
                select + " WHERE tenant_id = ? AND report_id = ANY (?) ORDER BY report_id, position");
        ps.closeOnCompletion();
        ps.setString(1, tenant.value());
        ps.setArray(2, ids);
        return ps.executeQuery();
    }

    private static @Nullable Timestamp ts(@Nullable Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    private static Instant instant(Object value) {
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        throw new IllegalStateException("not a timestamp: " + value);
    }

    private static boolean sqlState(Throwable e, String state) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && state.equals(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
