package org.opengru.core.notification.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Objects;
import java.util.Optional;
import org.opengru.core.id.UsagerId;
import org.opengru.core.jdbc.JdbcTransactions;
import org.opengru.core.notification.NotificationPreferenceStore;
import org.opengru.core.notification.NotificationPreferences;
import org.opengru.core.tenancy.TenantId;

/** Preferences in PostgreSQL (table {@code gru_notification_preferences}), one JSON document per usager. */
public final class PostgresNotificationPreferenceStore implements NotificationPreferenceStore {

    private final JdbcTransactions tx;

    public PostgresNotificationPreferenceStore(JdbcTransactions tx) {
        this.tx = Objects.requireNonNull(tx, "tx");
    }

    @Override
    public void save(NotificationPreferences p) {
        tx.run(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO gru_notification_preferences"
                    + " (tenant_id, usager_id, document) VALUES (?, ?, ?::jsonb)"
                    + " ON CONFLICT (tenant_id, usager_id) DO UPDATE SET document = excluded.document")) {
                ps.setString(1, p.tenant().value());
                ps.setObject(2, p.usager().value());
                ps.setString(3, NotificationCodec.toJson(p));
                ps.executeUpdate();
            }
        });
    }

    @Override
    public Optional<NotificationPreferences> find(TenantId tenant, UsagerId usager) {
        return tx.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT document::text FROM gru_notification_preferences"
                    + " WHERE tenant_id = ? AND usager_id = ?")) {
                ps.setString(1, tenant.value());
                ps.setObject(2, usager.value());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next()
                            ? Optional.of(NotificationCodec.preferencesFromJson(rs.getString(1)))
                            : Optional.empty();
                }
            }
        });
    }

    @Override
    public boolean delete(TenantId tenant, UsagerId usager) {
        return tx.forUsager(
                        "DELETE FROM gru_notification_preferences WHERE tenant_id = ? AND usager_id = ?",
                        tenant,
                        usager)
                > 0;
    }
}
