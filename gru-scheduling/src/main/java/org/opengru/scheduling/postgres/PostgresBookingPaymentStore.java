package org.opengru.scheduling.postgres;

import static org.opengru.scheduling.postgres.ItemTrail.instant;
import static org.opengru.scheduling.postgres.ItemTrail.setInstant;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.opengru.core.error.AlreadyExistsException;
import org.opengru.core.id.UsagerId;
import org.opengru.core.tenancy.TenantId;
import org.opengru.scheduling.booking.BookingId;
import org.opengru.scheduling.booking.BookingPayment;
import org.opengru.scheduling.booking.BookingPaymentStatus;
import org.opengru.scheduling.booking.BookingPaymentStore;
import org.opengru.scheduling.hold.TrailCheck;
import org.opengru.scheduling.hold.TrailEntry;
import org.opengru.scheduling.hold.UpdateResult;

/**
 * Booking payments in PostgreSQL ({@code scheduling_booking_payment}, V7), each change and its trail
 * entry in one transaction, a change planned on a stale version refused.
 */
public final class PostgresBookingPaymentStore implements BookingPaymentStore {

    private static final String COLUMNS = "tenant_id, hold_id, usager_id, starts_at, amount_cents, status, booking_id,"
            + " payment_reference, version, created_at, updated_at";

    private final ItemTrail db;

    /**
     * A store of booking payments over this data source, whose schema the scheduling migrations created.
     *
     * @param dataSource the commune's or the shared database (rows carry their tenant)
     */
    public PostgresBookingPaymentStore(DataSource dataSource) {
        this.db = new ItemTrail(Objects.requireNonNull(dataSource, "dataSource"), "booking_payment");
    }

    @Override
    public void insert(BookingPayment p, TrailEntry entry) {
        db.inTransaction("booking payment insert", c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO scheduling_booking_payment (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
                ps.setString(1, p.tenant().value());
                ps.setObject(2, p.hold().value());
                ps.setObject(3, p.usager().value());
                setInstant(ps, 4, p.start());
                ps.setLong(5, p.amountCents());
                ps.setString(6, p.status().name());
                ps.setObject(7, p.booking() == null ? null : p.booking().value());
                ps.setString(8, p.paymentReference());
                ps.setInt(9, p.version());
                setInstant(ps, 10, p.createdAt());
                setInstant(ps, 11, p.updatedAt());
                if (ps.executeUpdate() == 0) {
                    throw new AlreadyExistsException("booking payment", p.hold().toString());
                }
            }
            db.record(c, entry, null);
            return null;
        });
    }

    @Override
    public Optional<BookingPayment> find(TenantId tenant, BookingId hold) {
        return select("tenant_id = ? AND hold_id = ?", "", tenant.value(), hold.value()).stream()
                .findFirst();
    }

    @Override
    public UpdateResult<BookingPayment> update(BookingPayment previous, BookingPayment next, TrailEntry entry) {
        return db.inTransaction("booking payment update", c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE scheduling_booking_payment SET status = ?,"
                    + " booking_id = ?, payment_reference = ?, version = ?, updated_at = ?"
                    + " WHERE tenant_id = ? AND hold_id = ? AND version = ?")) {
                ps.setString(1, next.status().name());
                ps.setObject(2, next.booking() == null ? null : next.booking().value());
                ps.setString(3, next.paymentReference());
                ps.setInt(4, next.version());
                setInstant(ps, 5, next.updatedAt());
                ps.setString(6, previous.tenant().value());
                ps.setObject(7, previous.hold().value());
                ps.setInt(8, previous.version());
                if (ps.executeUpdate() == 0) {
                    return new UpdateResult.Stale<BookingPayment>();
                }
            }
            db.record(c, entry, null);
            return new UpdateResult.Updated<>(next, List.of());
        });
    }

    @Override
    public List<BookingPayment> open(TenantId tenant, Instant from) {
        return select(
                "tenant_id = ? AND (status = 'AWAITING_PAYMENT' OR (status = 'PAID' AND starts_at > ?))",
                " ORDER BY created_at",
                tenant.value(),
                OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
    }

    @Override
    public List<BookingPayment> ofUsager(TenantId tenant, UsagerId usager) {
        return select("tenant_id = ? AND usager_id = ?", " ORDER BY created_at DESC", tenant.value(), usager.value());
    }

    @Override
    public List<TrailEntry> trail(TenantId tenant, BookingId hold) {
        return db.trail(tenant, hold.value());
    }

    /**
     * Checks the booking payment's trail: its hash chain re-computed, its head and length compared with the
     * payment row's (V11).
     *
     * @param tenant the collectivité
     * @param hold the payment's hold
     * @return the check
     * @throws org.opengru.core.error.NotFoundException when the payment is not stored
     */
    public TrailCheck verifyTrail(TenantId tenant, BookingId hold) {
        return db.verify(tenant, hold.value());
    }

    @Override
    public int detachUsager(TenantId tenant, UsagerId usager) {
        return db.inTransaction("detaching the booking payments of an usager", c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE scheduling_booking_payment SET usager_id ="
                    + " gen_random_uuid() WHERE tenant_id = ? AND usager_id = ? AND status <> 'REFUND_DUE'")) {
                ps.setString(1, tenant.value());
                ps.setObject(2, usager.value());
                return ps.executeUpdate();
            }
        });
    }

    private List<BookingPayment> select(String where, String order, Object... args) {
        return db.read("reading booking payments", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT " + COLUMNS + " FROM scheduling_booking_payment WHERE " + where + order)) {
                for (int i = 0; i < args.length; i++) {
                    ps.setObject(i + 1, args[i]);
                }
                List<BookingPayment> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        UUID booking = rs.getObject("booking_id", UUID.class);
                        out.add(new BookingPayment(
                                TenantId.of(rs.getString("tenant_id")),
                                new BookingId(rs.getObject("hold_id", UUID.class)),
                                new UsagerId(rs.getObject("usager_id", UUID.class)),
                                Objects.requireNonNull(instant(rs, "starts_at")),
                                rs.getLong("amount_cents"),
                                BookingPaymentStatus.valueOf(rs.getString("status")),
                                booking == null ? null : new BookingId(booking),
                                rs.getString("payment_reference"),
                                rs.getInt("version"),
                                Objects.requireNonNull(instant(rs, "created_at")),
                                Objects.requireNonNull(instant(rs, "updated_at"))));
                    }
                }
                return out;
            } catch (SQLException e) {
                throw e;
            }
        });
    }
}
