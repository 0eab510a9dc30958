package org.opengru.scheduling.booking;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.opengru.scheduling.availability.AvailabilityCalculator;
import org.opengru.scheduling.hours.OpeningHours;
import org.opengru.scheduling.model.Resource;
import org.opengru.scheduling.model.Service;
import org.opengru.scheduling.model.ServiceId;
import org.opengru.scheduling.model.Site;

/** One site as the booking service sees it: its opening hours, its desks and the services it offers. */
public record SiteSetup(OpeningHours hours, List<Resource> resources, List<Service> services) {

    public SiteSetup {
        resources = List.copyOf(resources);
        services = List.copyOf(services);
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
