package org.opengru.examples.portal.resident;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.opengru.core.error.NotFoundException;
import org.opengru.core.id.UsagerId;
import org.opengru.examples.portal.commune.Commune;
import org.opengru.scheduling.booking.Booking;
import org.opengru.scheduling.booking.BookingPayment;
import org.opengru.scheduling.booking.BookingPayments;
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
    private final BookingPayments payments;
    private final List<SiteSetup> sites = Commune.sites();

    public Appointments(BookingService bookings, BookingPayments payments) {
        this.bookings = bookings;
        this.payments = payments;
    }

    public BookingService service() {
        return bookings;
    }

    /** The payment holds of paying appointments. */
    public BookingPayments payments() {
        return payments;
    }

    /** The payment a paying appointment's hold waits for or received, if the booking is such a hold. */
    public Optional<BookingPayment> payment(Booking b) {
        return payments.store().find(Commune.TENANT, b.id());
    }

    /**
     * Where a paying appointment's payment stands, in plain French for the resident and the agent; {@code
     * null} for a free appointment.
     */
    public @Nullable String paymentState(Booking b) {
        return payment(b)
                .map(p -> {
                    String amount = money(p.amountCents());
                    return switch (p.status()) {
                        case AWAITING_PAYMENT -> "Paiement en ligne de " + amount + " attendu";
                        case PAID -> "Payé en ligne : " + amount;
                        case RELEASED -> "Non payé à temps : le créneau a été libéré";
                        case REFUND_DUE ->
                            "Paiement de " + amount + " arrivé trop tard : remboursement à faire"
                                    + " par le comptable public";
                        case REFUNDED -> "Remboursé : " + amount;
                    };
                })
                .orElse(null);
    }

    /** 2500 cents as « 25,00 € ». */
    public static String money(long cents) {
        return String.format(java.util.Locale.FRANCE, "%d,%02d €", cents / 100, cents % 100);
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
