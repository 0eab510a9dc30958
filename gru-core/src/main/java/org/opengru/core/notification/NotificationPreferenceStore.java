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

    /**
     * Stores (replaces) the usager's preferences.
     *
     * @param preferences the preferences
     */
    void save(NotificationPreferences preferences);

    /**
     * Looks up the usager's preferences.
     *
     * @param tenant the collectivité
     * @param usager the usager
     * @return the preferences, or empty when they set none
     */
    Optional<NotificationPreferences> find(TenantId tenant, UsagerId usager);

    /**
     * Deletes the usager's preferences (erasure, art. 17 RGPD); whether there were any.
     *
     * @param tenant the collectivité
     * @param usager the usager
     * @return {@code true} when there were preferences
     */
    boolean delete(TenantId tenant, UsagerId usager);

    /**
     * A thread-safe store in memory.
     *
     * @return an empty store
     */
    static NotificationPreferenceStore inMemory() {
        return new InMemoryNotificationPreferenceStore();
    }

    /**
     * The PostgreSQL adapter (table {@code gru_notification_preferences}).
     *
     * @param tx the transactions of {@code PostgresPersistence}
     * @return the store
     */
    static NotificationPreferenceStore postgres(JdbcTransactions tx) {
        return new PostgresNotificationPreferenceStore(tx);
    }

    /**
     * The PostgreSQL adapter on its own data source.
     *
     * @param dataSource the database
     * @return the store
     */
    static NotificationPreferenceStore postgres(DataSource dataSource) {
        return postgres(JdbcTransactions.of(dataSource));
    }
}
