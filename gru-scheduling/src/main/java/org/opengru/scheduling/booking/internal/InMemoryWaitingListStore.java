package org.opengru.scheduling.booking.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
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

/** The waiting list of one JVM, behind one lock; the order is the order of joining. */
public final class InMemoryWaitingListStore implements WaitingListStore {

    private static final class Row {
        final long id;
        Entry entry;

        @Nullable
        Instant claimedUntil;

        @Nullable
        BookingId hold;

        Row(long id, Entry entry) {
            this.id = id;
            this.entry = entry;
        }

        boolean waitsFor(TenantId tenant, SiteId site, ServiceId service) {
            return hold == null
                    && entry.tenant().equals(tenant)
                    && entry.site().equals(site)
                    && entry.service().equals(service);
        }
    }

    private final List<Row> rows = new ArrayList<>();
    private long nextId = 1;

    @Override
    public synchronized void join(Entry entry) {
        for (Row r : rows) {
            if (r.waitsFor(entry.tenant(), entry.site(), entry.service())
                    && r.entry.usager().equals(entry.usager())) {
                r.entry = entry;
                return;
            }
        }
        rows.add(new Row(nextId++, entry));
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
    public synchronized Optional<Claim> claimNext(
            TenantId tenant,
            SiteId site,
            ServiceId service,
            LocalDate date,
            Set<UsagerId> skip,
            Instant now,
            Instant until) {
        for (Row r : rows) {
            if (r.waitsFor(tenant, site, service)
                    && !date.isBefore(r.entry.from())
                    && !date.isAfter(r.entry.to())
                    && !skip.contains(r.entry.usager())
                    && (r.claimedUntil == null || !r.claimedUntil.isAfter(now))) {
                r.claimedUntil = until;
                return Optional.of(new Claim(r.id, r.entry, until));
            }
        }
        return Optional.empty();
    }

    @Override
    public synchronized void offered(Claim claim, BookingId hold) {
        for (Row r : rows) {
            if (r.id == claim.id()) {
                r.hold = hold;
                r.claimedUntil = null;
            }
        }
    }

    @Override
    public synchronized void release(Claim claim) {
        for (Row r : rows) {
            if (r.id == claim.id() && r.hold == null) {
                r.claimedUntil = null;
            }
        }
    }

    @Override
    public synchronized void accepted(TenantId tenant, BookingId hold) {
        rows.removeIf(r -> hold.equals(r.hold) && r.entry.tenant().equals(tenant));
    }

    @Override
    public synchronized void declined(TenantId tenant, BookingId hold) {
        rows.removeIf(r -> hold.equals(r.hold) && r.entry.tenant().equals(tenant));
    }
}
