package org.opengru.franceconnect.link;

import java.util.List;
import java.util.Optional;
import org.opengru.core.id.UsagerId;
import org.opengru.core.tenancy.TenantId;

/** Port: FranceConnect accounts linked to usagers, keyed on (tenant, issuer, sub). */
public interface AccountLinkStore {

    /**
     * The link of a FranceConnect account, keyed by its issuer and pseudonymous subject (never by email).
     *
     * @param tenant the collectivité
     * @param issuer the provider
     * @param subject the provider's {@code sub}
     * @return the link, or empty at a first sign-in
     */
    Optional<AccountLink> find(TenantId tenant, String issuer, String subject);

    /**
     * Records a link; throws {@link AlreadyLinkedException} if this FranceConnect account is already linked.
     *
     * @param link the new link
     */
    void save(AccountLink link);

    /**
     * Every FranceConnect account linked to the usager (subject access).
     *
     * @param tenant the collectivité
     * @param usager the usager
     * @return the links, possibly none
     */
    List<AccountLink> byUsager(TenantId tenant, UsagerId usager);

    /**
     * Removes every link to the usager (erasure, or a link left pointing at an erased usager).
     *
     * @param tenant the collectivité
     * @param usager the erased usager
     * @return how many links there were
     */
    int deleteByUsager(TenantId tenant, UsagerId usager);
}
