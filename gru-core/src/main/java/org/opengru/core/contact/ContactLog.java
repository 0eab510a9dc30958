package org.opengru.core.contact;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.opengru.core.contact.internal.InMemoryContactLog;
import org.opengru.core.contact.internal.PostgresContactLog;
import org.opengru.core.id.RequestId;
import org.opengru.core.id.UsagerId;
import org.opengru.core.jdbc.JdbcTransactions;
import org.opengru.core.tenancy.TenantId;

/** Port: contacts through every channel, per usager and per request. Every query stays in one tenant. */
public interface ContactLog {

    /**
     * Stores a new contact and returns it; when its {@link ContactRecord#externalRef()} was recorded
     * already in the tenant, returns the existing contact and changes nothing.
     */
    ContactRecord add(ContactRecord contact);

    Optional<ContactRecord> find(TenantId tenant, ContactId id);

    /** Replaces a contact (triage). */
    void update(ContactRecord contact);

    /** The usager's contacts newest first, strictly older than {@code after} (all when null). */
    List<ContactRecord> byUsager(TenantId tenant, UsagerId usager, @Nullable ContactRecord after, int limit);

    /** The request's contacts, oldest first. */
    List<ContactRecord> byRequest(TenantId tenant, RequestId request);

    /** Contacts in that status, oldest first (the triage queue, the quarantine). */
    List<ContactRecord> withStatus(TenantId tenant, ContactStatus status, int limit);

    /** Deletes every contact recorded about the usager (erasure, art. 17 RGPD); how many. */
    int eraseUsager(TenantId tenant, UsagerId usager);

    static ContactLog inMemory() {
        return new InMemoryContactLog();
    }

    static ContactLog postgres(JdbcTransactions tx) {
        return new PostgresContactLog(tx);
    }
}
