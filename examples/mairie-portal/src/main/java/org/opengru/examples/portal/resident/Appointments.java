package org.opengru.examples.portal.resident;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.opengru.core.error.NotFoundException;
import org.opengru.core.id.UsagerId;
import org.opengru.examples.portal.commune.Commune;
import org.opengru.scheduling.booking.Booking;
import org.opengru.scheduling.booking.BookingService;
import org.opengru.scheduling.booking.SiteSetup;
import org.opengru.scheduling.model.Resource;
import org.opengru.scheduling.model.Service;
import org.opengru.scheduling.model.ServiceId;
import org.opengru.scheduling.model.SiteId;
import org.springframework.stereotype.Component;

/**
 * The appointments of the portal: site and service names and a resident's bookings. A signed-in resident
 * cancels from their space as the owner; the secret handed out at booking is for the e-mail's no-login
 * cancellation link.
 */
@Component
public class Appointments {

    private final BookingService bookings;
    private final List<SiteSetup> sites = Commune.sites();

    public Appointments(BookingService bookings) {
        this.bookings = bookings;
    }

    public BookingService service() {
        return bookings;
    }

    public List<SiteSetup> sites() {
        return sites;
    }

    public SiteSetup site(SiteId id) {
        return sites.stream()
                .filter(s -> s.site().id().equals(id))
                .findFirst()
                // A site named in an address (a hand-edited link): the 404 page, not a 500.
                .orElseThrow(() -> new NotFoundException("site", id.value()));
    }

    public Optional<Service> serviceAt(SiteId site, ServiceId service) {
        return site(site).service(service);
    }

    public String siteName(SiteId id) {
        return site(id).site().name();
    }

    public String serviceName(SiteId site, ServiceId id) {
        return serviceAt(site, id).map(Service::name).orElse(id.value());
    }

    public String deskName(SiteId site, Object desk) {
        return site(site).resources().stream()
                .filter(r -> r.id().equals(desk))
                .map(Resource::name)
                .findFirst()
                .orElse(String.valueOf(desk));
    }

    /** A resident's appointments, soonest first. */
    public List<Booking> of(UsagerId usager) {
        return bookings.store().ofUsager(Commune.TENANT, usager).stream()
                .sorted(Comparator.comparing(Booking::start))
                .toList();
    }
}
