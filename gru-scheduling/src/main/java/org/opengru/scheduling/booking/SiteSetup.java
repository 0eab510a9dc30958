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
 *
 * @param hours the site's opening hours
 * @param resources its desks
 * @param services the services (motifs) it serves
 * @param teams the agents' teams that handle the site
 */
public record SiteSetup(OpeningHours hours, List<Resource> resources, List<Service> services, Set<TeamId> teams) {

    /**
     * Copies the desks, services and teams.
     *
     * @param hours the site's opening hours
     * @param resources its desks
     * @param services the services (motifs) it serves
     * @param teams the agents' teams that handle the site
     */
    public SiteSetup {
        resources = List.copyOf(resources);
        services = List.copyOf(services);
        teams = Set.copyOf(teams);
    }

    /**
     * A site no agent handles through the library (no team): residents book, nobody marks.
     *
     * @param hours the site's opening hours
     * @param resources its desks
     * @param services its services (motifs)
     */
    public SiteSetup(OpeningHours hours, List<Resource> resources, List<Service> services) {
        this(hours, resources, services, Set.of());
    }

    /**
     * Whether the agent belongs to one of the site's teams, in the site's collectivité.
     *
     * @param agent the agent
     * @return {@code true} when they may mark and cancel the site's appointments
     */
    public boolean handledBy(AgentPrincipal agent) {
        return agent.tenant().equals(site().tenant()) && teams.stream().anyMatch(agent::memberOf);
    }

    /**
     * The site.
     *
     * @return the site of the opening hours
     */
    public Site site() {
        return hours.site();
    }

    /**
     * A service the site offers.
     *
     * @param id the service's id
     * @return the service, or empty
     */
    public Optional<Service> service(ServiceId id) {
        return services.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /**
     * A calculator of the site's free slots.
     *
     * @param clock now
     * @return the calculator
     */
    public AvailabilityCalculator calculator(Clock clock) {
        return new AvailabilityCalculator(hours, resources, clock);
    }
}
