package org.opengru.test.scheduling;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.opengru.core.id.UsagerId;
import org.opengru.core.tenancy.TenantId;
import org.opengru.scheduling.booking.BookingId;
import org.opengru.scheduling.booking.WaitingListStore;
import org.opengru.scheduling.model.ServiceId;
import org.opengru.scheduling.model.SiteId;

/**
 * A waiting list that forwards everything to another: tests override one step to make a node die there
 * or to build a deliberately broken variant.
 */
public class ForwardingWaitingList implements WaitingListStore {

    protected final WaitingListStore list;

    public ForwardingWaitingList(WaitingListStore list) {
        this.list = list;
    }

    @Override
    public void join(Entry entry) {
        list.join(entry);
    }

    @Override
    public Optional<BookingId> leave(TenantId tenant, SiteId site, ServiceId service, UsagerId usager) {
        return list.leave(tenant, site, service, usager);
    }

    @Override
    public List<Entry> entriesOf(TenantId tenant, UsagerId usager) {
        return list.entriesOf(tenant, usager);
    }

    @Override
    public List<UsagerId> waiting(TenantId tenant, SiteId site, ServiceId service) {
        return list.waiting(tenant, site, service);
    }

    @Override
    public Optional<Offer> claimNext(FreedSlot slot, Set<UsagerId> skip, BookingId hold, Instant until) {
        return list.claimNext(slot, skip, hold, until);
    }

    @Override
    public void offered(Offer offer) {
        list.offered(offer);
    }

    @Override
    public boolean release(Offer offer) {
        return list.release(offer);
    }

    @Override
    public List<Offer> offers(TenantId tenant) {
        return list.offers(tenant);
    }

    @Override
    public boolean accepted(TenantId tenant, BookingId hold) {
        return list.accepted(tenant, hold);
    }

    @Override
    public boolean declined(TenantId tenant, BookingId hold) {
        return list.declined(tenant, hold);
    }
}
