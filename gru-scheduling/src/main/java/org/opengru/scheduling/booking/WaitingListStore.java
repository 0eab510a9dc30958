package org.opengru.scheduling.booking;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.opengru.core.id.UsagerId;
import org.opengru.core.tenancy.TenantId;
import org.opengru.scheduling.internal.Check;
import org.opengru.scheduling.model.ServiceId;
import org.opengru.scheduling.model.SiteId;

/**
 * Port: the waiting list (liste d'attente), first come, first offered. When a slot frees up, the booking
 * service claims the first waiting person whose dates fit, holds the slot for them and records the offer;
 * if they let the hold expire, the slot goes to the next. A store shared by several nodes (PostgreSQL)
 * keeps the list across nodes and restarts, orders it by a number the store assigns (not a node's clock),
 * and lets one claim at most one offer per entry however many nodes free slots at once.
 */
public interface WaitingListStore {

    /** One person waiting for a slot of a service at a site starting between two local dates. */
    record Entry(TenantId tenant, SiteId site, ServiceId service, UsagerId usager, LocalDate from, LocalDate to) {
        public Entry {
            Check.required("tenant", tenant);
            Check.required("site", site);
            Check.required("service", service);
            Check.required("usager", usager);
            Check.required("from", from);
            Check.required("to", to);
            Check.that(!to.isBefore(from), "to", to, "must not be before from " + from);
        }
    }

    /**
     * An entry taken off the list for one offer, until {@code until}: no other claim gets it meanwhile.
     * Ends with {@link #offered} or {@link #release}; a claim left by a crashed node lapses at {@code until}.
     */
    record Claim(long id, Entry entry, Instant until) {}

    /**
     * Puts the person on the list. Idempotent per (tenant, site, service, usager): joining again keeps their
     * place and takes the new dates.
     */
    void join(Entry entry);

    /** Who is waiting (not currently offered a slot), in order. */
    List<UsagerId> waiting(TenantId tenant, SiteId site, ServiceId service);

    /**
     * Claims the first waiting entry whose dates contain {@code date}, skipping the given usagers and the
     * entries claimed by someone else; empty when there is none.
     */
    Optional<Claim> claimNext(
            TenantId tenant,
            SiteId site,
            ServiceId service,
            LocalDate date,
            Set<UsagerId> skip,
            Instant now,
            Instant until);

    /** The claimed entry got the hold: it leaves the list until the offer is accepted or declined. */
    void offered(Claim claim, BookingId hold);

    /** The claimed entry got nothing: back on the list at its place. */
    void release(Claim claim);

    /** The hold was confirmed (or was no offer): the offer is over. */
    void accepted(TenantId tenant, BookingId hold);

    /** The person let the offer expire: they lose their turn. */
    void declined(TenantId tenant, BookingId hold);

    /** The embedded list, for one JVM (tests, single-node installations). */
    static WaitingListStore inMemory() {
        return new org.opengru.scheduling.booking.internal.InMemoryWaitingListStore();
    }
}
