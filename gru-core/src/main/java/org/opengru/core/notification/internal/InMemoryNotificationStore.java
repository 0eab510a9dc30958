package org.opengru.core.notification.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.opengru.core.error.NotFoundException;
import org.opengru.core.id.UsagerId;
import org.opengru.core.notification.DeliveryAttempt;
import org.opengru.core.notification.Notification;
import org.opengru.core.notification.NotificationId;
import org.opengru.core.notification.NotificationKind;
import org.opengru.core.notification.NotificationStatus;
import org.opengru.core.notification.NotificationStore;
import org.opengru.core.tenancy.TenantId;

/** Notifications in one JVM's memory; claimed ones are invisible to other callers until stored back. */
public final class InMemoryNotificationStore implements NotificationStore {

    private final Map<NotificationId, Notification> byId = new LinkedHashMap<>();
    private final Set<String> sources = new HashSet<>();
    private final Set<NotificationId> claimed = new HashSet<>();

    static String sourceKey(Notification n) {
        return n.tenant() + "|" + n.sourceEventId() + "|" + n.usager() + "|" + n.kind();
    }

    @Override
    public synchronized boolean add(Notification n) {
        if (!sources.add(sourceKey(n))) {
            return false;
        }
        byId.put(n.id(), n);
        return true;
    }

    @Override
    public synchronized Optional<Notification> find(TenantId tenant, NotificationId id) {
        Notification n = byId.get(id);
        return n != null && n.tenant().equals(tenant) ? Optional.of(n) : Optional.empty();
    }

    @Override
    public synchronized List<Notification> byUsager(
            TenantId tenant, UsagerId usager, @Nullable Instant before, int limit) {
        return byId.values().stream()
                .filter(n -> n.tenant().equals(tenant) && n.usager().equals(usager))
                .filter(n -> before == null || n.createdAt().isBefore(before))
                .sorted(Comparator.comparing(Notification::createdAt)
                        .thenComparing(n -> n.id().toString())
                        .reversed())
                .limit(Math.max(0, limit))
                .toList();
    }

    @Override
    public synchronized Optional<Notification> latestAppointmentStatus(TenantId tenant, String appointmentId) {
        return byId.values().stream()
                .filter(n -> n.tenant().equals(tenant) && appointmentId.equals(n.appointmentId()))
                .filter(n -> n.kind() != NotificationKind.APPOINTMENT_REMINDER)
                .max(Comparator.comparing(Notification::occurredAt).thenComparing(n -> n.id().toString()));
    }

    @Override
    public synchronized Optional<Notification> byProviderId(String providerId) {
        for (Notification n : byId.values()) {
            for (DeliveryAttempt a : n.attempts()) {
                if (providerId.equals(a.providerId())) {
                    return Optional.of(n);
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public synchronized void update(Notification n) {
        if (!byId.containsKey(n.id()) || !byId.get(n.id()).tenant().equals(n.tenant())) {
            throw new NotFoundException("notification", n.id().toString());
        }
        byId.put(n.id(), n);
    }

    @Override
    public int processDue(int max, Instant now, UnaryOperator<Notification> handler) {
        List<Notification> batch = claim(max, now);
        try {
            for (Notification n : batch) {
                Notification result = handler.apply(n);
                synchronized (this) {
                    byId.put(n.id(), result);
                }
            }
        } finally {
            synchronized (this) {
                batch.forEach(n -> claimed.remove(n.id()));
            }
        }
        return batch.size();
    }

    private synchronized List<Notification> claim(int max, Instant now) {
        List<Notification> due = new ArrayList<>();
        byId.values().stream()
                .filter(n -> n.status() == NotificationStatus.QUEUED
                        && !n.nextAttemptAt().isAfter(now)
                        && !claimed.contains(n.id()))
                .sorted(Comparator.comparing(Notification::nextAttemptAt))
                .limit(max)
                .forEach(due::add);
        due.forEach(n -> claimed.add(n.id()));
        return due;
    }

    @Override
    public synchronized int eraseUsager(TenantId tenant, UsagerId usager) {
        List<Notification> gone = byId.values().stream()
                .filter(n -> n.tenant().equals(tenant) && n.usager().equals(usager))
                .toList();
        gone.forEach(n -> byId.remove(n.id()));
        return gone.size();
    }
}
