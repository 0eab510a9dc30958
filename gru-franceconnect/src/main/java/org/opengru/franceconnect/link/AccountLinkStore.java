package org.opengru.franceconnect.link;

import java.util.Optional;
import org.opengru.core.tenancy.TenantId;

/** Port: FranceConnect accounts linked to usagers, keyed on (tenant, issuer, sub). */
public interface AccountLinkStore {

    Optional<AccountLink> find(TenantId tenant, String issuer, String subject);

    /** Records a link; throws {@link AlreadyLinkedException} if this FranceConnect account is already linked. */
    void save(AccountLink link);
}
