package org.opengru.scheduling.model;

import java.util.Set;
import org.opengru.core.tenancy.TenantId;
import org.opengru.scheduling.internal.Check;

/**
 * A desk (guichet) or agent at a site that receives one appointment at a time, and the services it can
 * serve. The number of desks that can serve a service is the number of resources listing it.
 *
 * @param tenant the collectivité
 * @param id the desk's code
 * @param site its site
 * @param name its name, shown to agents
 * @param services the services (motifs) it serves
 */
public record Resource(TenantId tenant, ResourceId id, SiteId site, String name, Set<ServiceId> services) {

    /**
     * Checks the desk and copies its services.
     *
     * @param tenant the collectivité
     * @param id the desk's code
     * @param site its site
     * @param name its name, shown to agents
     * @param services the services (motifs) it serves
     * @throws org.opengru.core.error.ValidationException naming the missing field
     */
    public Resource {
        Check.required("resource.tenant", tenant);
        Check.required("resource.id", id);
        Check.required("resource.site", site);
        name = Check.text("resource.name", name, 200);
        services = Set.copyOf(Check.required("resource.services", services));
    }

    /**
     * Whether the desk serves the service.
     *
     * @param service the service (motif)
     * @return {@code true} when it does
     */
    public boolean serves(ServiceId service) {
        return services.contains(service);
    }
}
