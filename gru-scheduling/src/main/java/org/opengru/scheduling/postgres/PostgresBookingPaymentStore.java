package org.opengru.scheduling.postgres;

import static org.opengru.scheduling.postgres.ItemTrail.instant;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
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
 * Booking payments in PostgreSQL ({@code scheduling_booking_payment}, V7), each change and its event in
 * the item log written by one statement in autocommit, a change planned on a stale version refused.
 */
public final class PostgresBookingPaymentStore implements BookingPaymentStore {

    private static final String COLUMNS = "tenant_id, hold_id, usager_id, starts_at, amount_cents, status, booking_id,"
            + " payment_reference, version, created_at, updated_at";

    /** The payment row and its first event, in one statement; nothing when the hold has one already. */
    private static final NamedSql INSERT = new NamedSql("""
            WITH ins AS (
                INSERT INTO scheduling_booking_payment (%1$s, %2$s)
                VALUES (:tenant, :item::uuid, :usager::uuid, :start::timestamptz, :amount::bigint, :status,
                        :booking::uuid, :reference, :version, :created_at::timestamptz, :updated_at::timestamptz, %3$s)
                ON CONFLICT DO NOTHING
                RETURNING %4$s),
            ev AS (%5$s)
            SELECT 1 FROM ins
            """.formatted(
                    COLUMNS,
                    ItemTrail.INSERT_HEAD_COLUMNS,
                    ItemTrail.INSERT_HEAD_VALUES,
                    ItemTrail.INSERT_RETURNING,
                    ItemTrail.event("ins")));

    /** A change of the payment on its version, and its event, in one statement. */
    private static final NamedSql UPDATE =
            new NamedSql("""
            WITH upd AS (
                UPDATE scheduling_booking_payment t
                   SET status = :status, booking_id = :booking::uuid, payment_reference = :reference,
                       version = :version, updated_at = :updated_at::timestamptz, %1$s
                  FROM scheduling_booking_payment o
                 WHERE o.tenant_id = :tenant AND o.hold_id = :item::uuid AND t.tenant_id = o.tenant_id
                   AND t.hold_id = o.hold_id AND t.version = :expected AND t.event_count = o.event_count
                RETURNING %2$s),
            ev AS (%3$s)
            SELECT 1 FROM upd
            """.formatted(ItemTrail.UPDATE_HEAD, ItemTrail.UPDATE_RETURNING, ItemTrail.event("upd")));

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
        Map<String, @Nullable Object> v = db.params(entry, null);
        v.put("usager", p.usager().toString());
        v.put("start", p.start());
        v.put("amount", p.amountCents());
        v.put("status", p.status().name());
        v.put("booking", p.booking() == null ? null : p.booking().toString());
        v.put("reference", p.paymentReference());
        v.put("version", p.version());
        v.put("created_at", p.createdAt());
        v.put("updated_at", p.updatedAt());
        boolean inserted = db.once("booking payment insert", c -> {
            try (PreparedStatement ps = INSERT.prepare(c, v);
                    ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        });
        if (!inserted) {
            throw new AlreadyExistsException("booking payment", p.hold().toString());
        }
    }

    @Override
    public Optional<BookingPayment> find(TenantId tenant, BookingId hold) {
        return select("tenant_id = ? AND hold_id = ?", "", tenant.value(), hold.value()).stream()
                .findFirst();
    }

    @Override
    public UpdateResult<BookingPayment> update(BookingPayment previous, BookingPayment next, TrailEntry entry) {
        Map<String, @Nullable Object> v = db.params(entry, null);
        v.put("status", next.status().name());
        v.put("booking", next.booking() == null ? null : next.booking().toString());
        v.put("reference", next.paymentReference());
        v.put("version", next.version());
        v.put("updated_at", next.updatedAt());
        v.put("expected", previous.version());
        return db.once("booking payment update", c -> {
            try (PreparedStatement ps = UPDATE.prepare(c, v);
                    ResultSet rs = ps.executeQuery()) {
                return rs.next()
                        ? new UpdateResult.Updated<>(next, List.of())
                        : new UpdateResult.Stale<BookingPayment>();
            }
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
