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
     *
     * @param contact the contact
     * @return the contact stored, or the one already recorded with its external reference
     */
    ContactRecord add(ContactRecord contact);

    /**
     * Looks up a contact.
     *
     * @param tenant the collectivité
     * @param id the contact's id
     * @return the contact, or empty
     */
    Optional<ContactRecord> find(TenantId tenant, ContactId id);

    /**
     * Replaces a contact (triage).
     *
     * @param contact the contact, same id and collectivité
     */
    void update(ContactRecord contact);

    /**
     * The usager's contacts newest first, strictly older than {@code after} (all when null).
     *
     * @param tenant the collectivité
     * @param usager the usager
     * @param after the last contact of the previous page, or {@code null} for the first page
     * @param limit the most contacts to return
     * @return the page
     */
    List<ContactRecord> byUsager(TenantId tenant, UsagerId usager, @Nullable ContactRecord after, int limit);

    /**
     * The request's contacts, oldest first.
     *
     * @param tenant the collectivité
     * @param request the request
     * @return the contacts, possibly none
     */
    List<ContactRecord> byRequest(TenantId tenant, RequestId request);

    /**
     * Contacts in that status, oldest first (the triage queue, the quarantine).
     *
     * @param tenant the collectivité
     * @param status the status, such as {@link ContactStatus#TO_TRIAGE}
     * @param limit the most contacts to return
     * @return the contacts
     */
    List<ContactRecord> withStatus(TenantId tenant, ContactStatus status, int limit);

    /**
     * Deletes every contact recorded about the usager (erasure, art. 17 RGPD); how many.
     *
     * @param tenant the collectivité
     * @param usager the usager erased
     * @return the number of contacts deleted
     */
    int eraseUsager(TenantId tenant, UsagerId usager);

    /**
     * A thread-safe log in memory (the embedded default, and tests).
     *
     * @return an empty log
     */
    static ContactLog inMemory() {
        return new InMemoryContactLog();
    }

    /**
     * The log on PostgreSQL (table {@code gru_contact}), joining the caller's transaction when one is open.
     *
     * @param tx the transactions of {@code PostgresPersistence}
     * @return the log
     */
    static ContactLog postgres(JdbcTransactions tx) {
        return new PostgresContactLog(tx);
    }
}
