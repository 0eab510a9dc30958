package org.opengru.examples.portal.resident;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.opengru.core.id.UsagerId;
import org.opengru.examples.portal.commune.Commune;
import org.opengru.scheduling.booking.Booking;
import org.opengru.scheduling.booking.BookingId;
import org.opengru.scheduling.booking.BookingService;
import org.opengru.scheduling.booking.SiteSetup;
import org.opengru.scheduling.model.Resource;
import org.opengru.scheduling.model.Service;
import org.opengru.scheduling.model.ServiceId;
import org.opengru.scheduling.model.SiteId;
import org.springframework.stereotype.Component;

/**
 * The appointments of the portal: site and service names, a resident's bookings, and the cancellation
 * secrets handed out at booking. The secret is what an e-mail's no-login cancellation link carries; the
 * portal keeps it in memory too, so that a signed-in resident can cancel from their space.
 */
@Component
public class Appointments {

    private final BookingService bookings;
    private final List<SiteSetup> sites = Commune.sites();
    private final Map<BookingId, String> cancelTokens = new ConcurrentHashMap<>();

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
                .orElseThrow(() -> new IllegalArgumentException("unknown site " + id));
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

    public void keepToken(BookingId id, @Nullable String token) {
        if (token != null) {
            cancelTokens.put(id, token);
        }
    }

    public @Nullable String token(BookingId id) {
        return cancelTokens.get(id);
    }
}
