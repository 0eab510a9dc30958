package org.opengru.core.notification;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.opengru.core.id.UsagerId;
import org.opengru.core.jdbc.JdbcTransactions;
import org.opengru.core.notification.internal.InMemoryNotificationStore;
import org.opengru.core.notification.internal.PostgresNotificationStore;
import org.opengru.core.tenancy.TenantId;

/**
 * Port: notifications and their delivery state. {@link #add} de-duplicates on (tenant, source event,
 * usager, kind); {@link #processDue} hands each due notification to one caller at a time, even across
 * nodes (PostgreSQL: {@code FOR UPDATE SKIP LOCKED}).
 */
public interface NotificationStore {

    /**
     * Stores a new notification; {@code false} when one exists already for the same source and kind.
     *
     * @param notification the notification
     * @return {@code true} when stored now
     */
    boolean add(Notification notification);

    /**
     * Looks up a notification.
     *
     * @param tenant the collectivité
     * @param id the notification's id
     * @return the notification, or empty
     */
    Optional<Notification> find(TenantId tenant, NotificationId id);

    /**
     * The usager's notifications, newest first, created strictly before {@code before} (all when null).
     *
     * @param tenant the collectivité
     * @param usager the usager
     * @param before the creation time the page ends before, or {@code null}
     * @param limit the most notifications
     * @return the notifications
     */
    List<Notification> byUsager(TenantId tenant, UsagerId usager, @Nullable Instant before, int limit);

    /**
     * The latest notification about the appointment that reports its status (reminders excluded, as they
     * repeat a status rather than change it), by event time.
     *
     * @param tenant the collectivité
     * @param appointmentId the appointment
     * @return the notification, or empty
     */
    Optional<Notification> latestAppointmentStatus(TenantId tenant, String appointmentId);

    /**
     * The notification an attempt with this provider id belongs to (for delivery receipts).
     *
     * @param providerId the provider's id
     * @return the notification, or empty
     */
    Optional<Notification> byProviderId(String providerId);

    /**
     * Replaces a stored notification's delivery state (status, channel, attempts).
     *
     * @param notification the notification, same id
     */
    void update(Notification notification);

    /**
     * Claims up to {@code max} queued notifications due at {@code now}, oldest due first, stores what the
     * handler returns for each, and returns how many were handled.
     *
     * @param max the most notifications
     * @param now the present
     * @param handler what to do with each, returning its new state
     * @return the number handled
     */
    int processDue(int max, Instant now, UnaryOperator<Notification> handler);

    /**
     * Deletes every notification of the usager (erasure, art. 17 RGPD); how many.
     *
     * @param tenant the collectivité
     * @param usager the usager erased
     * @return the number deleted
     */
    int eraseUsager(TenantId tenant, UsagerId usager);

    /**
     * A thread-safe store in memory.
     *
     * @return an empty store
     */
    static NotificationStore inMemory() {
        return new InMemoryNotificationStore();
    }

    /**
     * The PostgreSQL adapter (table {@code gru_notification}); joins the transactions of {@code tx}.
     *
     * @param tx the transactions of {@code PostgresPersistence}
     * @return the store
     */
    static NotificationStore postgres(JdbcTransactions tx) {
        return new PostgresNotificationStore(tx);
    }
}
