package org.opengru.core.notification.internal;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.opengru.core.id.UsagerId;
import org.opengru.core.notification.NotificationPreferenceStore;
import org.opengru.core.notification.NotificationPreferences;
import org.opengru.core.tenancy.TenantId;

/** Preferences in one JVM's memory. */
public final class InMemoryNotificationPreferenceStore implements NotificationPreferenceStore {

    private record Key(TenantId tenant, UsagerId usager) {}

    private final Map<Key, NotificationPreferences> byUsager = new ConcurrentHashMap<>();

    @Override
    public void save(NotificationPreferences p) {
        byUsager.put(new Key(p.tenant(), p.usager()), p);
    }

    @Override
    public Optional<NotificationPreferences> find(TenantId tenant, UsagerId usager) {
        return Optional.ofNullable(byUsager.get(new Key(tenant, usager)));
    }

    @Override
    public boolean delete(TenantId tenant, UsagerId usager) {
        return byUsager.remove(new Key(tenant, usager)) != null;
    }
}
