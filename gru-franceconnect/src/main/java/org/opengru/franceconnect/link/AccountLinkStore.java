package org.opengru.franceconnect.link;

import java.util.List;
import java.util.Optional;
import org.opengru.core.id.UsagerId;
import org.opengru.core.tenancy.TenantId;

/** Port: FranceConnect accounts linked to usagers, keyed on (tenant, issuer, sub). */
public interface AccountLinkStore {

    Optional<AccountLink> find(TenantId tenant, String issuer, String subject);

    /** Records a link; throws {@link AlreadyLinkedException} if this FranceConnect account is already linked. */
    void save(AccountLink link);

    /** Every FranceConnect account linked to the usager (subject access). */
    List<AccountLink> byUsager(TenantId tenant, UsagerId usager);

    /**
     * Removes every link to the usager (erasure, or a link left pointing at an erased usager).
     *
     * @return how many links there were
     */
    int deleteByUsager(TenantId tenant, UsagerId usager);
}
