package org.opengru.spring.franceconnect;

import java.util.Map;
import java.util.Optional;
import org.opengru.core.tenancy.TenantId;
import org.opengru.franceconnect.apiparticulier.ApiParticulierClient;

/** The API Particulier client of each tenant that has a subscription ({@code api-particulier.token}). */
public final class ApiParticulierClients {

    private final Map<TenantId, ApiParticulierClient> byTenant;

    public ApiParticulierClients(Map<TenantId, ApiParticulierClient> byTenant) {
        this.byTenant = Map.copyOf(byTenant);
    }

    public Optional<ApiParticulierClient> forTenant(TenantId tenant) {
        return Optional.ofNullable(byTenant.get(tenant));
    }
}
