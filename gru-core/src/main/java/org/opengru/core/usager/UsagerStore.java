package org.opengru.core.usager;

import java.util.List;
import java.util.Optional;
import org.opengru.core.id.UsagerId;
import org.opengru.core.tenancy.TenantId;
import org.opengru.core.usager.internal.InMemoryUsagerStore;
import org.opengru.core.value.EmailAddress;

/** Port: usagers (persons, households, organisations) of a collectivité. */
public interface UsagerStore {

    /**
     * Creates or replaces the usager (same id and tenant).
     *
     * @param usager the usager
     */
    void save(Usager usager);

    /**
     * Looks up an usager.
     *
     * @param tenant the collectivité
     * @param id the usager's id
     * @return the usager, or empty
     */
    Optional<Usager> find(TenantId tenant, UsagerId id);

    /**
     * The usagers whose contact e-mail is {@code address}, compared without case, sorted by id, at most
     * {@code limit} of them. Inbound mail asks for two, to link a mail to its sender only when one usager
     * has that address. Indexed on PostgreSQL.
     *
     * @param tenant the collectivité
     * @param address the address
     * @param limit the most ids to return
     * @return the usagers' ids
     */
    List<UsagerId> withEmail(TenantId tenant, EmailAddress address, int limit);

    /**
     * The households the person is a member of.
     *
     * @param tenant the collectivité
     * @param member the person
     * @return the households, possibly none
     */
    List<Household> householdsOf(TenantId tenant, UsagerId member);

    /**
     * Deletes the usager and its household memberships, as a household and as a member (the documents of
     * the households it belonged to are the caller's to rewrite first). Erasure (RGPD art. 17) calls it
     * once nothing retained refers to the usager.
     *
     * @return whether the usager existed
     * @param tenant the collectivité
     * @param id the usager's id
     */
    boolean delete(TenantId tenant, UsagerId id);

    /**
     * A thread-safe store in memory (the embedded default, and tests).
     *
     * @return an empty store
     */
    static UsagerStore inMemory() {
        return new InMemoryUsagerStore();
    }
}
