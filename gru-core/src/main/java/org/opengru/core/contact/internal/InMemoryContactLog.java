package org.opengru.core.contact.internal;

import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.opengru.core.contact.ContactId;
import org.opengru.core.contact.ContactLog;
import org.opengru.core.contact.ContactRecord;
import org.opengru.core.contact.ContactStatus;
import org.opengru.core.error.NotFoundException;
import org.opengru.core.id.RequestId;
import org.opengru.core.id.UsagerId;
import org.opengru.core.tenancy.TenantId;

/** Contacts in one JVM's memory. */
public final class InMemoryContactLog implements ContactLog {

    /** Newest first by occurrence, ties by id (as text, like PostgreSQL's uuid order). */
    public static final Comparator<ContactRecord> NEWEST_FIRST = Comparator.comparing(ContactRecord::occurredAt)
            .thenComparing(c -> c.id().toString())
            .reversed();

    private final Map<ContactId, ContactRecord> byId = new LinkedHashMap<>();
    private final Map<String, ContactId> byExternalRef = new HashMap<>();

    @Override
    public synchronized ContactRecord add(ContactRecord c) {
        if (c.externalRef() != null) {
            ContactId existing = byExternalRef.get(c.tenant() + "|" + c.externalRef());
            if (existing != null) {
                return byId.get(existing);
            }
            byExternalRef.put(c.tenant() + "|" + c.externalRef(), c.id());
        }
        byId.put(c.id(), c);
        return c;
    }

    @Override
    public synchronized Optional<ContactRecord> find(TenantId tenant, ContactId id) {
        ContactRecord c = byId.get(id);
        return c != null && c.tenant().equals(tenant) ? Optional.of(c) : Optional.empty();
    }

    @Override
    public synchronized void update(ContactRecord c) {
        if (find(c.tenant(), c.id()).isEmpty()) {
            throw new NotFoundException("contact", c.id().toString());
        }
        byId.put(c.id(), c);
    }

    @Override
    public synchronized List<ContactRecord> byUsager(
            TenantId tenant, UsagerId usager, @Nullable ContactRecord after, int limit) {
        return byId.values().stream()
                .filter(c -> c.tenant().equals(tenant) && usager.equals(c.usager()))
                .filter(c -> after == null || NEWEST_FIRST.compare(c, after) > 0)
                .sorted(NEWEST_FIRST)
                .limit(Math.max(0, limit))
                .toList();
    }

    @Override
    public synchronized List<ContactRecord> byRequest(TenantId tenant, RequestId request) {
        return byId.values().stream()
                .filter(c -> c.tenant().equals(tenant) && request.equals(c.request()))
                .sorted(NEWEST_FIRST.reversed())
                .toList();
    }

    @Override
    public synchronized List<ContactRecord> withStatus(TenantId tenant, ContactStatus status, int limit) {
        return byId.values().stream()
                .filter(c -> c.tenant().equals(tenant) && c.status() == status)
                .sorted(Comparator.comparing(ContactRecord::recordedAt).thenComparing(c -> c.id().toString()))
                .limit(Math.max(0, limit))
                .toList();
    }

    @Override
    public synchronized int eraseUsager(TenantId tenant, UsagerId usager) {
        List<ContactRecord> gone = byId.values().stream()
                .filter(c -> c.tenant().equals(tenant) && usager.equals(c.usager()))
                .toList();
        for (ContactRecord c : gone) {
            byId.remove(c.id());
            byExternalRef.values().remove(c.id());
        }
        return gone.size();
    }
}
