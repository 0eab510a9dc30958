package org.opengru.core.notification;

import java.util.Optional;
import javax.sql.DataSource;
import org.opengru.core.id.UsagerId;
import org.opengru.core.jdbc.JdbcTransactions;
import org.opengru.core.notification.internal.InMemoryNotificationPreferenceStore;
import org.opengru.core.notification.internal.PostgresNotificationPreferenceStore;
import org.opengru.core.tenancy.TenantId;

/** Port: each usager's notification preferences. */
public interface NotificationPreferenceStore {

    /** Stores (replaces) the usager's preferences. */
    void save(NotificationPreferences preferences);

    Optional<NotificationPreferences> find(TenantId tenant, UsagerId usager);

    /** Deletes the usager's preferences (erasure, art. 17 RGPD); whether there were any. */
    boolean delete(TenantId tenant, UsagerId usager);

    static NotificationPreferenceStore inMemory() {
        return new InMemoryNotificationPreferenceStore();
    }

    /** The PostgreSQL adapter (table {@code gru_notification_preferences}). */
    static NotificationPreferenceStore postgres(JdbcTransactions tx) {
        return new PostgresNotificationPreferenceStore(tx);
    }

    /** The PostgreSQL adapter on its own data source. */
    static NotificationPreferenceStore postgres(DataSource dataSource) {
        return postgres(JdbcTransactions.of(dataSource));
    }
}
