package org.opengru.scheduling.booking;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;
import org.opengru.core.id.UsagerId;
import org.opengru.core.principal.Principal;
import org.opengru.core.tenancy.TenantId;
import org.opengru.scheduling.availability.Slot;
import org.opengru.scheduling.booking.BookingRejectedException.Reason;
import org.opengru.scheduling.model.ServiceId;
import org.opengru.scheduling.model.SiteId;

/**
 * Release by lottery (tirage au sort) for a scarce service: instead of first come, first served at the
 * opening second (which favours bots and fast connections), residents enter during a window; when it
 * closes, the entries are drawn in random order and each in turn gets the earliest free slot of the
 * released dates. One entry per usager. Instance-scoped and thread-safe.
 */
public final class LotteryRelease {

    /**
     * One resident's entry.
     *
     * @param usager the usager
     * @param actor who enters (the usager or an agent)
     * @param antsNumber the pré-demande ANTS number, or {@code null}
     * @param people how many people come together
     */
    public record Entry(
            UsagerId usager, Principal actor, @Nullable String antsNumber, int people) {
        /**
         * Checks the entry.
         *
         * @param usager the usager
         * @param actor who enters (the usager or an agent)
         * @param antsNumber the pré-demande ANTS number, or {@code null}
         * @param people how many people come together
         * @throws NullPointerException naming a missing value
         */
        public Entry {
            Objects.requireNonNull(usager, "usager");
            Objects.requireNonNull(actor, "actor");
        }
    }

    private final BookingService service;
    private final TenantId tenant;
    private final SiteId site;
    private final ServiceId serviceId;
    private final LocalDate from;
    private final LocalDate to;
    private final Instant closesAt;
    private final Map<UsagerId, Entry> entries = new LinkedHashMap<>();
    private boolean drawn;

    /**
     * A draw of a service's slots between two local dates, for those who entered before {@code closesAt}: a
     * fair release of scarce slots instead of first come, first served.
     *
     * @param service the booking service
     * @param tenant the collectivité
     * @param site the site
     * @param serviceId the service (motif)
     * @param from the first local date of the released slots
     * @param to the last local date, inclusive
     * @param closesAt when entries close and the draw may happen
     */
    public LotteryRelease(
            BookingService service,
            TenantId tenant,
            SiteId site,
            ServiceId serviceId,
            LocalDate from,
            LocalDate to,
            Instant closesAt) {
        this.service = Objects.requireNonNull(service, "service");
        this.tenant = Objects.requireNonNull(tenant, "tenant");
        this.site = Objects.requireNonNull(site, "site");
        this.serviceId = Objects.requireNonNull(serviceId, "serviceId");
        this.from = Objects.requireNonNull(from, "from");
        this.to = Objects.requireNonNull(to, "to");
        this.closesAt = Objects.requireNonNull(closesAt, "closesAt");
    }

    /**
     * Enters the draw; entering twice keeps one entry (the last).
     *
     * @param entry the entry
     * @throws BookingRejectedException {@code LOTTERY_CLOSED} once the window has closed
     */
    public synchronized void enter(Entry entry) {
        if (drawn || !service.clock().instant().isBefore(closesAt)) {
            throw new BookingRejectedException(
                    Reason.LOTTERY_CLOSED, "usager", entry.usager(), "entries closed at " + closesAt);
        }
        entries.put(entry.usager(), entry);
    }

    /**
     * How many have entered.
     *
     * @return the number of entries
     */
    public synchronized int size() {
        return entries.size();
    }

    /**
     * Draws once the entry window has closed: each entry in random order books the earliest free slot.
     * Returns the results in draw order.
     *
     * @param random the draw's randomness
     * @return each entrant's result
     * @throws BookingRejectedException {@code LOTTERY_NOT_CLOSED} before the window closes, {@code LOTTERY_CLOSED}
     *     once drawn
     */
    public synchronized Map<UsagerId, BookingResult> draw(RandomGenerator random) {
        if (service.clock().instant().isBefore(closesAt)) {
            throw new BookingRejectedException(
                    Reason.LOTTERY_NOT_CLOSED, "closesAt", closesAt, "entries are still open");
        }
        if (drawn) {
            throw new BookingRejectedException(Reason.LOTTERY_CLOSED, "closesAt", closesAt, "already drawn");
        }
        drawn = true;
        List<Entry> order = new ArrayList<>(entries.values());
        for (int i = order.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            Entry tmp = order.get(i);
            order.set(i, order.get(j));
            order.set(j, tmp);
        }
        Map<UsagerId, BookingResult> results = new LinkedHashMap<>();
        for (Entry e : order) {
            results.put(e.usager(), bookEarliest(e));
        }
        return results;
    }

    private BookingResult bookEarliest(Entry e) {
        List<Slot> free = service.availability(tenant, site, serviceId, from, to, e.people());
        for (int attempt = 0; attempt < Math.min(3, free.size()); attempt++) {
            BookingRequest request = new BookingRequest(
                    tenant,
                    site,
                    serviceId,
                    free.get(attempt).start(),
                    e.people(),
                    e.usager(),
                    e.actor(),
                    e.antsNumber(),
                    null,
                    null);
            try {
                BookingResult r = service.book(request);
                if (r instanceof BookingResult.Booked) {
                    return r;
                }
            } catch (BookingRejectedException rejected) {
                if (rejected.reason() != Reason.ACTIVE_BOOKING_EXISTS) {
                    throw rejected;
                }
                return new BookingResult.SlotUnavailable(free.get(attempt).start(), List.of());
            }
        }
        return new BookingResult.SlotUnavailable(closesAt, List.of());
    }
}
