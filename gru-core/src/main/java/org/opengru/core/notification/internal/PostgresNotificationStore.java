package org.opengru.core.notification.internal;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.opengru.core.error.NotFoundException;
import org.opengru.core.id.UsagerId;
import org.opengru.core.jdbc.JdbcTransactions;
import org.opengru.core.notification.DeliveryAttempt;
import org.opengru.core.notification.Notification;
import org.opengru.core.notification.NotificationId;
import org.opengru.core.notification.NotificationStore;
import org.opengru.core.tenancy.TenantId;

/**
 * Notifications in PostgreSQL (table {@code gru_notification}). The whole notification is kept as a JSON
 * document next to the columns the queries need. Due notifications are claimed with {@code FOR UPDATE
 * SKIP LOCKED}, so delivery workers on several nodes share the work without sending one twice.
 */
public final class PostgresNotificationStore implements NotificationStore {

    private static final String INSERT = "INSERT INTO gru_notification (id, tenant_id, usager_id, source_event_id,"
            + " kind, occurred_at, request_id, appointment_id, appointment_status, status, channel, created_at,"
            + " next_attempt_at, provider_ids, document) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?::json)"
            + " ON CONFLICT (tenant_id, source_event_id, usager_id, kind) DO NOTHING";

    private static final String UPDATE = "UPDATE gru_notification SET status = ?, channel = ?, next_attempt_at = ?,"
            + " provider_ids = ?, document = ?::json WHERE id = ? AND tenant_id = ?";

    private final JdbcTransactions tx;

    public PostgresNotificationStore(JdbcTransactions tx) {
        this.tx = Objects.requireNonNull(tx, "tx");
    }

    @Override
    public boolean add(Notification n) {
        return tx.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                ps.setObject(1, n.id().value());
                ps.setString(2, n.tenant().value());
                ps.setObject(3, n.usager().value());
                ps.setObject(4, n.sourceEventId().value());
                ps.setString(5, n.kind().name());
                JdbcSupport.setInstant(ps, 6, n.occurredAt());
                JdbcSupport.setNullableUuid(
                        ps, 7, n.request() == null ? null : n.request().value());
                JdbcSupport.setNullableString(ps, 8, n.appointmentId());
                JdbcSupport.setNullableString(ps, 9, n.appointmentStatus());
                ps.setString(10, n.status().name());
                JdbcSupport.setNullableString(ps, 11, n.currentChannel());
                JdbcSupport.setInstant(ps, 12, n.createdAt());
                JdbcSupport.setInstant(ps, 13, n.nextAttemptAt());
                ps.setArray(14, providerIds(c, n));
                ps.setString(15, NotificationCodec.toJson(n));
                return ps.executeUpdate() == 1;
            }
        });
    }

    @Override
    public Optional<Notification> find(TenantId tenant, NotificationId id) {
        return one("SELECT document::text FROM gru_notification WHERE tenant_id = ? AND id = ?", ps -> {
            ps.setString(1, tenant.value());
            ps.setObject(2, id.value());
        });
    }

    @Override
    public List<Notification> byUsager(TenantId tenant, UsagerId usager, @Nullable Instant before, int limit) {
        return list(
                "SELECT document::text FROM gru_notification WHERE tenant_id = ? AND usager_id = ?"
                        + " AND created_at < coalesce(?, 'infinity'::timestamptz)"
                        + " ORDER BY created_at DESC, id DESC LIMIT ?",
                ps -> {
                    ps.setString(1, tenant.value());
                    ps.setObject(2, usager.value());
                    JdbcSupport.setInstant(ps, 3, before);
                    ps.setInt(4, Math.max(0, limit));
                });
    }

    @Override
    public Optional<Notification> latestAppointmentStatus(TenantId tenant, String appointmentId) {
        return one(
                "SELECT document::text FROM gru_notification WHERE tenant_id = ? AND appointment_id = ?"
                        + " AND kind <> 'APPOINTMENT_REMINDER' ORDER BY occurred_at DESC, id DESC LIMIT 1",
                ps -> {
                    ps.setString(1, tenant.value());
                    ps.setString(2, appointmentId);
                });
    }

    @Override
    public Optional<Notification> byProviderId(String providerId) {
        return one(
                "SELECT document::text FROM gru_notification WHERE provider_ids @> ARRAY[?]::text[] LIMIT 1",
                ps -> ps.setString(1, providerId));
    }

    @Override
    public void update(Notification n) {
        tx.run(c -> {
            if (update(c, n) != 1) {
                throw new NotFoundException("notification", n.id().toString());
            }
        });
    }

    private static int update(Connection c, Notification n) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(UPDATE)) {
            ps.setString(1, n.status().name());
            JdbcSupport.setNullableString(ps, 2, n.currentChannel());
            JdbcSupport.setInstant(ps, 3, n.nextAttemptAt());
            ps.setArray(4, providerIds(c, n));
            ps.setString(5, NotificationCodec.toJson(n));
            ps.setObject(6, n.id().value());
            ps.setString(7, n.tenant().value());
            return ps.executeUpdate();
        }
    }

    @Override
    public int processDue(int max, Instant now, UnaryOperator<Notification> handler) {
        return tx.inTransaction(c -> {
            List<Notification> batch = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT document::text FROM gru_notification"
                    + " WHERE status = 'QUEUED' AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?"
                    + " FOR UPDATE SKIP LOCKED")) {
                JdbcSupport.setInstant(ps, 1, now);
                ps.setInt(2, max);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        batch.add(NotificationCodec.fromJson(rs.getString(1)));
                    }
                }
            }
            // The rows stay locked until this transaction ends: no other worker takes them meanwhile.
            for (Notification n : batch) {
                update(c, handler.apply(n));
            }
            return batch.size();
        });
    }

    private static Array providerIds(Connection c, Notification n) throws SQLException {
        Set<String> ids = new LinkedHashSet<>();
        for (DeliveryAttempt a : n.attempts()) {
            if (a.providerId() != null) {
                ids.add(a.providerId());
            }
        }
        return c.createArrayOf("text", ids.toArray());
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private Optional<Notification> one(String sql, Binder binder) {
        List<Notification> l = list(sql, binder);
        return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
    }

    private List<Notification> list(String sql, Binder binder) {
        return tx.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                binder.bind(ps);
                List<Notification> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(NotificationCodec.fromJson(rs.getString(1)));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public int eraseUsager(TenantId tenant, UsagerId usager) {
        return tx.forUsager("DELETE FROM gru_notification WHERE tenant_id = ? AND usager_id = ?", tenant, usager);
    }
}
