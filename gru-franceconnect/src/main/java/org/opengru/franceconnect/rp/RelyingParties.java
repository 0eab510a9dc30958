package org.opengru.franceconnect.rp;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/** The relying parties of a mutualised installation, one per tenant (commune). Immutable. */
public final class RelyingParties {
    private final Map<String, RelyingParty> byTenant;

    private RelyingParties(Map<String, RelyingParty> byTenant) {
        this.byTenant = Map.copyOf(byTenant);
    }

    /**
     * The relying parties of every tenant.
     *
     * @param parties one per tenant
     * @return the set
     * @throws org.opengru.franceconnect.InvalidConfigurationException when a tenant is configured twice
     */
    public static RelyingParties of(Collection<RelyingParty> parties) {
        Map<String, RelyingParty> map = new LinkedHashMap<>();
        for (RelyingParty party : parties) {
            if (map.putIfAbsent(party.config().tenantId(), party) != null) {
                throw new org.opengru.franceconnect.InvalidConfigurationException(
                        "tenantId", party.config().tenantId(), "is configured twice");
            }
        }
        return new RelyingParties(map);
    }

    /**
     * The relying party of a tenant.
     *
     * @param tenantId the tenant, as in {@link RelyingPartyConfig#tenantId()}
     * @return its relying party
     * @throws UnknownTenantException when the tenant has none
     */
    public RelyingParty forTenant(String tenantId) {
        RelyingParty party = byTenant.get(tenantId);
        if (party == null) {
            throw new UnknownTenantException(tenantId);
        }
        return party;
    }
}
