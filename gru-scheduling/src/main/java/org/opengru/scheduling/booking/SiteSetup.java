package org.opengru.scheduling.booking;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.opengru.core.id.TeamId;
import org.opengru.core.principal.AgentPrincipal;
import org.opengru.scheduling.availability.AvailabilityCalculator;
import org.opengru.scheduling.hours.OpeningHours;
import org.opengru.scheduling.model.Resource;
import org.opengru.scheduling.model.Service;
import org.opengru.scheduling.model.ServiceId;
import org.opengru.scheduling.model.Site;

/**
 * One site as the booking service sees it: its opening hours, its desks, the services it offers and the
 * teams (services) whose agents receive there: only their agents see and handle its appointments.
 */
public record SiteSetup(OpeningHours hours, List<Resource> resources, List<Service> services, Set<TeamId> teams) {

    public SiteSetup {
        resources = List.copyOf(resources);
        services = List.copyOf(services);
        teams = Set.copyOf(teams);
    }

    /** A site no agent handles through the library (no team): residents book, nobody marks. */
    public SiteSetup(OpeningHours hours, List<Resource> resources, List<Service> services) {
        this(hours, resources, services, Set.of());
    }

    /** Whether the agent belongs to one of the site's teams, in the site's collectivité. */
    public boolean handledBy(AgentPrincipal agent) {
        return agent.tenant().equals(site().tenant()) && teams.stream().anyMatch(agent::memberOf);
    }

    public Site site() {
        return hours.site();
    }

    public Optional<Service> service(ServiceId id) {
        return services.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    public AvailabilityCalculator calculator(Clock clock) {
        return new AvailabilityCalculator(hours, resources, clock);
    }
}
