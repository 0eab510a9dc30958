package org.opengru.scheduling.booking;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opengru.core.tenancy.TenantId;
import org.opengru.scheduling.model.SiteId;

/** Finds a site's setup; each collectivité sees only its own sites. */
@FunctionalInterface
public interface SiteDirectory {

    /**
     * The setup of a site of the collectivité.
     *
     * @param tenant the collectivité
     * @param site the site
     * @return the setup, or empty (also for another collectivité's site)
     */
    Optional<SiteSetup> find(TenantId tenant, SiteId site);

    /**
     * A fixed directory of the given setups.
     *
     * @param setups the setups
     * @return the directory
     */
    static SiteDirectory of(List<SiteSetup> setups) {
        record Key(TenantId tenant, SiteId site) {}
        Map<Key, SiteSetup> map = new HashMap<>();
        for (SiteSetup s : setups) {
            map.put(new Key(s.site().tenant(), s.site().id()), s);
        }
        Map<Key, SiteSetup> frozen = Map.copyOf(map);
        return (tenant, site) -> Optional.ofNullable(frozen.get(new Key(tenant, site)));
    }
}
