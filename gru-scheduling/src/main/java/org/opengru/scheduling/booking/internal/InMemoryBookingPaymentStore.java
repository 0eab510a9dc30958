package org.opengru.scheduling.booking.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.opengru.core.error.AlreadyExistsException;
import org.opengru.core.id.UsagerId;
import org.opengru.core.tenancy.TenantId;
import org.opengru.scheduling.booking.BookingId;
import org.opengru.scheduling.booking.BookingPayment;
import org.opengru.scheduling.booking.BookingPaymentStatus;
import org.opengru.scheduling.booking.BookingPaymentStore;
import org.opengru.scheduling.hold.TrailEntry;
import org.opengru.scheduling.hold.UpdateResult;

/** The booking payments of one JVM, under one lock. */
public final class InMemoryBookingPaymentStore implements BookingPaymentStore {

    private record Key(TenantId tenant, BookingId hold) {}

    private final Map<Key, BookingPayment> rows = new LinkedHashMap<>();
    private final List<TrailEntry> trail = new ArrayList<>();

    @Override
    public synchronized void insert(BookingPayment p, TrailEntry entry) {
        if (rows.putIfAbsent(new Key(p.tenant(), p.hold()), p) != null) {
            throw new AlreadyExistsException("booking payment", p.hold().toString());
        }
        trail.add(entry);
    }

    @Override
    public synchronized Optional<BookingPayment> find(TenantId tenant, BookingId hold) {
        return Optional.ofNullable(rows.get(new Key(tenant, hold)));
    }

    @Override
    public synchronized UpdateResult<BookingPayment> update(
            BookingPayment previous, BookingPayment next, TrailEntry entry) {
        Key key = new Key(previous.tenant(), previous.hold());
        BookingPayment now = rows.get(key);
        if (now == null || now.version() != previous.version()) {
            return new UpdateResult.Stale<>();
        }
        rows.put(key, next);
        trail.add(entry);
        return new UpdateResult.Updated<>(next, List.of());
    }

    @Override
    public synchronized List<BookingPayment> open(TenantId tenant, Instant from) {
        return rows.values().stream()
                .filter(p -> p.tenant().equals(tenant)
                        && (p.status() == BookingPaymentStatus.AWAITING_PAYMENT
                                || (p.status() == BookingPaymentStatus.PAID
                                        && p.start().isAfter(from))))
                .toList();
    }

    @Override
    public synchronized List<BookingPayment> ofUsager(TenantId tenant, UsagerId usager) {
        return rows.values().stream()
                .filter(p -> p.tenant().equals(tenant) && p.usager().equals(usager))
                .sorted(Comparator.comparing(BookingPayment::createdAt).reversed())
                .toList();
    }

    @Override
    public synchronized List<TrailEntry> trail(TenantId tenant, BookingId hold) {
        return trail.stream()
                .filter(e -> e.tenant().equals(tenant) && e.item().equals(hold.value()))
                .toList();
    }

    @Override
    public synchronized int detachUsager(TenantId tenant, UsagerId usager) {
        int n = 0;
        for (BookingPayment p : ofUsager(tenant, usager)) {
            if (p.status() == BookingPaymentStatus.REFUND_DUE) {
                continue;
            }
            rows.put(
                    new Key(tenant, p.hold()),
                    new BookingPayment(
                            tenant,
                            p.hold(),
                            new UsagerId(UUID.randomUUID()),
                            p.start(),
                            p.amountCents(),
                            p.status(),
                            p.booking(),
                            p.paymentReference(),
                            p.version(),
                            p.createdAt(),
                            p.updatedAt()));
            n++;
        }
        return n;
    }
}
