package org.opengru.scheduling.usager;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.opengru.core.id.UsagerId;
import org.opengru.core.tenancy.TenantId;
import org.opengru.core.timeline.TimelineContributor;
import org.opengru.core.timeline.TimelineCursor;
import org.opengru.core.timeline.TimelineEntry;
import org.opengru.scheduling.booking.AuditEntry;
import org.opengru.scheduling.booking.Booking;
import org.opengru.scheduling.booking.BookingStatus;
import org.opengru.scheduling.booking.BookingStore;
import org.opengru.scheduling.booking.SiteDirectory;
import org.opengru.scheduling.booking.SiteSetup;
import org.opengru.scheduling.model.Service;

/**
 * The usager's appointments in their 360° timeline (module {@code scheduling}): one entry per line of
 * each booking's audit trail (booked, held, cancelled, moved, attended, missed), worded for the agent's
 * screen in the site's time zone, such as « Rendez-vous Passeport du 12/03/2027 à 10:30, Mairie :
 * réservé ». Register it next to gru-core's timeline store:
 *
 * <pre>{@code
 * Timeline timeline = Timeline.of(List.of(pg.timelineStore(), new AppointmentTimeline(store, sites)));
 * }</pre>
 *
 * <p>Read from the booking store on demand, so it stays true after a cancellation or a move and needs no
 * copy to erase. A person has few appointments, so each page reads them all and keeps the page.
 */
public final class AppointmentTimeline implements TimelineContributor {

    /** The module name in {@link TimelineEntry#module()}. */
    public static final String MODULE = "scheduling";

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy 'à' HH:mm", Locale.FRANCE);

    private final BookingStore store;
    private final SiteDirectory sites;

    /**
     * A timeline contributor over the bookings.
     *
     * @param store the bookings
     * @param sites the sites, for their names
     */
    public AppointmentTimeline(BookingStore store, SiteDirectory sites) {
        this.store = Objects.requireNonNull(store, "store");
        this.sites = Objects.requireNonNull(sites, "sites");
    }

    @Override
    public List<TimelineEntry> newest(TenantId tenant, UsagerId usager, @Nullable TimelineCursor before, int limit) {
        List<TimelineEntry> entries = new ArrayList<>();
        for (Booking b : store.ofUsager(tenant, usager)) {
            List<AuditEntry> trail = store.audit(tenant, b.id());
            for (int i = 0; i < trail.size(); i++) {
                entries.add(entry(b, trail.get(i), i));
            }
        }
        return TimelineEntry.page(entries, before, limit);
    }

    private TimelineEntry entry(Booking b, AuditEntry a, int index) {
        Optional<SiteSetup> setup = sites.find(b.tenant(), b.site());
        ZoneId zone = setup.map(s -> s.site().zone()).orElse(ZoneId.of("Europe/Paris"));
        String service = setup.flatMap(s -> s.service(b.service()))
                .map(Service::name)
                .orElse(b.service().value());
        String site = setup.map(s -> s.site().name()).orElse(b.site().value());
        String summary = "Rendez-vous " + service + " du "
                + WHEN.format(b.start().atZone(zone)) + ", " + site + " : " + words(a);
        return new TimelineEntry(
                b.tenant(),
                b.usager(),
                a.at(),
                // Zero-padded so that the entries of one instant sort in trail order.
                MODULE + ":" + b.id() + ":" + String.valueOf(10_000 + index).substring(1),
                MODULE,
                "appointment." + a.action(),
                b.id().toString(),
                null,
                summary);
    }

    /** What the trail line did, in plain French. */
    static String words(AuditEntry a) {
        if (a.action().equals("reschedule")) {
            return "déplacé";
        }
        return switch (a.to()) {
            case HELD -> "réservé provisoirement";
            case BOOKED -> a.from() == BookingStatus.HELD ? "confirmé" : "réservé";
            case EXPIRED -> "réservation provisoire expirée";
            case CANCELLED_BY_USAGER -> "annulé par l'usager";
            case CANCELLED_BY_AGENT -> "annulé par la mairie" + (a.detail() == null ? "" : " (" + a.detail() + ")");
            case ATTENDED -> "honoré";
            case NO_SHOW -> "absence";
        };
    }
}
