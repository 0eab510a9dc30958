package org.opengru.scheduling.booking.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.opengru.core.id.UsagerId;
import org.opengru.core.tenancy.TenantId;
import org.opengru.scheduling.booking.BookingId;
import org.opengru.scheduling.booking.WaitingListStore;
import org.opengru.scheduling.model.ServiceId;
import org.opengru.scheduling.model.SiteId;

/** The waiting list of one JVM, behind one lock; the order is the order of the rows' numbers. */
public final class InMemoryWaitingListStore implements WaitingListStore {

    private static final class Row {
        long id;
        Entry entry;

        @Nullable
        BookingId hold;

        @Nullable
        Instant slot;

        @Nullable
        Instant claimedUntil;

        Row(long id, Entry entry) {
            this.id = id;
            this.entry = entry;
        }

        boolean of(TenantId tenant, SiteId site, ServiceId service, UsagerId usager) {
            return entry.tenant().equals(tenant)
                    && entry.site().equals(site)
                    && entry.service().equals(service)
                    && entry.usager().equals(usager);
        }

        boolean waitsFor(TenantId tenant, SiteId site, ServiceId service) {
            return hold == null
                    && entry.tenant().equals(tenant)
                    && entry.site().equals(site)
                    && entry.service().equals(service);
        }

        Offer offer() {
            return new Offer(id, entry, hold, slot, claimedUntil);
        }

        void clearOffer() {
            hold = null;
            slot = null;
            claimedUntil = null;
        }
    }

    /** Sorted by id: new rows and rows sent to the end are appended with the next number. */
    private final List<Row> rows = new ArrayList<>();

    private long nextId = 1;

    @Override
    public synchronized void join(Entry entry) {
        for (Row r : rows) {
            if (r.of(entry.tenant(), entry.site(), entry.service(), entry.usager())) {
                r.entry = entry;
                return;
            }
        }
        rows.add(new Row(nextId++, entry));
    }

    @Override
    public synchronized Optional<BookingId> leave(TenantId tenant, SiteId site, ServiceId service, UsagerId usager) {
        for (Iterator<Row> it = rows.iterator(); it.hasNext(); ) {
            Row r = it.next();
            if (r.of(tenant, site, service, usager)) {
                it.remove();
                return Optional.ofNullable(r.hold);
            }
        }
        return Optional.empty();
    }

    @Override
    public synchronized List<Entry> entriesOf(TenantId tenant, UsagerId usager) {
        List<Entry> out = new ArrayList<>();
        for (Row r : rows) {
            if (r.entry.tenant().equals(tenant) && r.entry.usager().equals(usager)) {
                out.add(r.entry);
            }
        }
        return out;
    }

    @Override
    public synchronized List<UsagerId> waiting(TenantId tenant, SiteId site, ServiceId service) {
        List<UsagerId> out = new ArrayList<>();
        for (Row r : rows) {
            if (r.waitsFor(tenant, site, service)) {
                out.add(r.entry.usager());
            }
        }
        return out;
    }

    @Override
    public synchronized Optional<Offer> claimNext(FreedSlot slot, Set<UsagerId> skip, BookingId hold, Instant until) {
        for (Row r : rows) {
            if (r.waitsFor(slot.tenant(), slot.site(), slot.service())
                    && !slot.date().isBefore(r.entry.from())
                    && !slot.date().isAfter(r.entry.to())
                    && !skip.contains(r.entry.usager())
                    && !hasOffer(r.entry)) {
                r.hold = hold;
                r.slot = slot.start();
                r.claimedUntil = until;
                return Optional.of(r.offer());
            }
        }
        return Optional.empty();
    }

    /** Whether the person has an offer pending for the service, at any site. */
    private boolean hasOffer(Entry e) {
        for (Row r : rows) {
            if (r.hold != null
                    && r.entry.tenant().equals(e.tenant())
                    && r.entry.service().equals(e.service())
                    && r.entry.usager().equals(e.usager())) {
                return true;
            }
        }
        return false;
    }

    @Override
    public synchronized void offered(Offer offer) {
        Row r = find(offer.id(), offer.hold());
        if (r != null) {
            r.claimedUntil = null;
        }
    }

    @Override
    public synchronized boolean release(Offer offer) {
        Row r = find(offer.id(), offer.hold());
        if (r == null) {
            return false;
        }
        r.clearOffer();
        return true;
    }

    private @Nullable Row find(long id, BookingId hold) {
        for (Row r : rows) {
            if (r.id == id && hold.equals(r.hold)) {
                return r;
            }
        }
        return null;
    }

    @Override
    public synchronized List<Offer> offers(TenantId tenant) {
        List<Offer> out = new ArrayList<>();
        for (Row r : rows) {
            if (r.hold != null && r.entry.tenant().equals(tenant)) {
                out.add(r.offer());
            }
        }
        return out;
    }

    @Override
    public synchronized boolean accepted(TenantId tenant, BookingId hold) {
        Row offered = byHold(tenant, hold);
        if (offered == null) {
            return false;
        }
        Entry e = offered.entry;
        rows.removeIf(r -> r.entry.tenant().equals(e.tenant())
                && r.entry.service().equals(e.service())
                && r.entry.usager().equals(e.usager()));
        return true;
    }

    @Override
    public synchronized boolean declined(TenantId tenant, BookingId hold) {
        Row offered = byHold(tenant, hold);
        if (offered == null) {
            return false;
        }
        rows.remove(offered);
        offered.clearOffer();
        offered.id = nextId++;
        rows.add(offered);
        return true;
    }

    private @Nullable Row byHold(TenantId tenant, BookingId hold) {
        for (Row r : rows) {
            if (hold.equals(r.hold) && r.entry.tenant().equals(tenant)) {
                return r;
            }
        }
        return null;
    }
}
