package org.opengru.scheduling.booking;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.opengru.core.id.UsagerId;
import org.opengru.core.tenancy.TenantId;
import org.opengru.scheduling.internal.Check;
import org.opengru.scheduling.model.ServiceId;
import org.opengru.scheduling.model.SiteId;

/**
 * Port: the waiting list (liste d'attente), first come, first offered. When a slot frees up, the booking
 * service claims the first waiting person whose dates fit, under the id of the hold it is about to take
 * for them, then takes the hold. The entry keeps that id until the offer ends: the booking store's row of
 * the hold is then the truth (held, booked, expired, or never written by a node that died), and
 * {@link BookingService#expireHolds} settles every offer from it, whatever path ended the hold.
 *
 * <p>A person has at most one entry per site and service, and at most one offer per service across
 * sites. A store shared by several nodes (PostgreSQL) keeps the list across nodes and restarts, orders it
 * by a number the store assigns (not a node's clock), and lets one claim take an entry at most once
 * however many nodes free slots at once.
 */
public interface WaitingListStore {

    /**
     * One person waiting for a slot of a service at a site starting between two local dates.
     *
     * @param tenant the collectivité
     * @param site the site
     * @param service the service (motif)
     * @param usager the usager
     * @param from the first local date they accept
     * @param to the last local date they accept
     */
    record Entry(TenantId tenant, SiteId site, ServiceId service, UsagerId usager, LocalDate from, LocalDate to) {
        /**
         * Checks the entry.
         *
         * @param tenant the collectivité
         * @param site the site
         * @param service the service (motif)
         * @param usager the usager
         * @param from the first local date they accept
         * @param to the last local date they accept
         * @throws org.opengru.core.error.ValidationException naming the missing field, or {@code to} before {@code
         *     from}
         */
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
     * A freed slot to offer: the entries whose dates contain {@code date} (its local date) fit.
     *
     * @param tenant the collectivité
     * @param site the site
     * @param service the service (motif)
     * @param start the slot's start
     * @param date its local date
     */
    record FreedSlot(TenantId tenant, SiteId site, ServiceId service, Instant start, LocalDate date) {}

    /**
     * An entry taken off the list for one offer: the hold {@code hold} for the slot starting at {@code slot}.
     * {@code claimedUntil} is set while the hold is being taken (the booking may not exist yet) and cleared
     * by {@link #offered}; past it, a missing hold means the node making the offer died.
     *
     * @param id the entry
     * @param entry the entry offered the slot
     * @param hold the hold made for them
     * @param slot the freed slot
     * @param claimedUntil when the claim lapses if the hold was not made
     */
    record Offer(
            long id,
            Entry entry,
            BookingId hold,
            Instant slot,
            @Nullable Instant claimedUntil) {}

    /**
     * Puts the person on the list. Idempotent per (tenant, site, service, usager): joining again keeps their
     * place (or their pending offer) and takes the new dates.
     *
     * @param entry the person, the site, the service and the dates they accept
     */
    void join(Entry entry);

    /**
     * Takes the person off the list; returns the hold of their pending offer, if they had one.
     *
     * @param tenant the collectivité
     * @param site the site
     * @param service the service (motif)
     * @param usager the usager
     * @return the hold of their pending offer, or empty
     */
    Optional<BookingId> leave(TenantId tenant, SiteId site, ServiceId service, UsagerId usager);

    /**
     * The usager's entries, waiting or offered, at every site and service (subject access, erasure).
     *
     * @param tenant the collectivité
     * @param usager the usager
     * @return the entries
     */
    List<Entry> entriesOf(TenantId tenant, UsagerId usager);

    /**
     * Who is waiting (not currently offered a slot), in order.
     *
     * @param tenant the collectivité
     * @param site the site
     * @param service the service (motif)
     * @return the usagers, first first
     */
    List<UsagerId> waiting(TenantId tenant, SiteId site, ServiceId service);

    /**
     * Claims the first waiting entry whose dates contain the slot's date, skipping the given usagers and
     * those with an offer for the service pending (at any site), and marks it offered with {@code hold}
     * until {@code until}; empty when there is none.
     *
     * @param slot the freed slot
     * @param skip the usagers not to offer it to
     * @param hold the hold that will be offered
     * @param until when the offer lapses
     * @return the claimed offer, or empty. Atomic: two nodes never claim one entry
     */
    Optional<Offer> claimNext(FreedSlot slot, Set<UsagerId> skip, BookingId hold, Instant until);

    /**
     * The hold of the claimed entry was taken: the claim no longer lapses.
     *
     * @param offer the claimed offer
     */
    void offered(Offer offer);

    /**
     * The hold of the claimed entry was not taken: back on the list at its place. False if already settled.
     *
     * @param offer the claimed offer
     * @return {@code true} when it was released by this call
     */
    boolean release(Offer offer);

    /**
     * Every entry offered a slot (or being offered one) in the tenant, in list order.
     *
     * @param tenant the collectivité
     * @return the offers
     */
    List<Offer> offers(TenantId tenant);

    /**
     * The person has an appointment for the service (the hold was confirmed): every entry of theirs for
     * that service leaves the list. False if no entry had that hold.
     *
     * @param tenant the collectivité
     * @param hold the confirmed hold
     * @return {@code true} when an entry had it
     */
    boolean accepted(TenantId tenant, BookingId hold);

    /**
     * The offer was not taken up (the hold expired or was released): the person goes back to the end of
     * the list, with the same dates. False if no entry had that hold.
     *
     * @param tenant the collectivité
     * @param hold the hold that ended
     * @return {@code true} when an entry had it
     */
    boolean declined(TenantId tenant, BookingId hold);

    /**
     * The embedded list, for one JVM (tests, single-node installations).
     *
     * @return an empty list, thread-safe
     */
    static WaitingListStore inMemory() {
        return new org.opengru.scheduling.booking.internal.InMemoryWaitingListStore();
    }
}
