package org.opengru.scheduling.booking;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.opengru.core.id.UsagerId;
import org.opengru.core.tenancy.TenantId;
import org.opengru.scheduling.internal.Check;
import org.opengru.scheduling.model.ServiceId;
import org.opengru.scheduling.model.SiteId;

/**
 * The waiting list (liste d'attente) of one booking service: first come, first offered. When a slot
 * frees up, it is held for the first person whose dates fit; if they let the hold expire, the slot goes
 * to the next. Per node and in memory.
 */
final class WaitingList {

    record Entry(TenantId tenant, SiteId site, ServiceId service, UsagerId usager, LocalDate from, LocalDate to) {
        Entry {
            Check.that(!to.isBefore(from), "to", to, "must not be before from " + from);
        }
    }

    private final List<Entry> entries = new ArrayList<>();
    private final Map<BookingId, Entry> offers = new HashMap<>();

    synchronized void join(Entry entry) {
        entries.removeIf(e -> e.tenant().equals(entry.tenant())
                && e.site().equals(entry.site())
                && e.service().equals(entry.service())
                && e.usager().equals(entry.usager()));
        entries.add(entry);
    }

    synchronized List<UsagerId> waiting(TenantId tenant, SiteId site, ServiceId service) {
        List<UsagerId> out = new ArrayList<>();
        for (Entry e : entries) {
            if (e.tenant().equals(tenant)
                    && e.site().equals(site)
                    && e.service().equals(service)) {
                out.add(e.usager());
            }
        }
        return out;
    }

    /** The entries a slot on {@code date} fits, in order. */
    synchronized List<Entry> candidates(TenantId tenant, SiteId site, ServiceId service, LocalDate date) {
        List<Entry> out = new ArrayList<>();
        for (Entry e : entries) {
            if (e.tenant().equals(tenant)
                    && e.site().equals(site)
                    && e.service().equals(service)
                    && !date.isBefore(e.from())
                    && !date.isAfter(e.to())) {
                out.add(e);
            }
        }
        return out;
    }

    /** A slot is held for the entry: it leaves the list. */
    synchronized void offered(Entry entry, BookingId hold) {
        entries.remove(entry);
        offers.put(hold, entry);
    }

    synchronized void accepted(BookingId hold) {
        offers.remove(hold);
    }

    /** The person let the offer expire: they lose their turn. */
    synchronized void declined(BookingId hold) {
        offers.remove(hold);
    }
}
