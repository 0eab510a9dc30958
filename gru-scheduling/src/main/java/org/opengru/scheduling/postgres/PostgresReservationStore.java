package org.opengru.scheduling.postgres;

import static org.opengru.scheduling.postgres.ItemTrail.instant;
import static org.opengru.scheduling.postgres.ItemTrail.setInstant;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.opengru.core.id.UsagerId;
import org.opengru.core.tenancy.TenantId;
import org.opengru.scheduling.hold.TrailCheck;
import org.opengru.scheduling.hold.TrailEntry;
import org.opengru.scheduling.hold.UpdateResult;
import org.opengru.scheduling.reservation.DepositStatus;
import org.opengru.scheduling.reservation.ReservableId;
import org.opengru.scheduling.reservation.Reservation;
import org.opengru.scheduling.reservation.ReservationEvent;
import org.opengru.scheduling.reservation.ReservationId;
import org.opengru.scheduling.reservation.ReservationStatus;
import org.opengru.scheduling.reservation.ReservationStore;
import org.opengru.scheduling.reservation.UsagerCategory;
import org.opengru.scheduling.reservation.internal.Detach;

/**
 * Reservations in PostgreSQL, plain JDBC. The exclusion constraint {@code scheduling_reservation_no_overlap}
 * (V7) refuses two period-keeping reservations of one room or equipment that overlap, across nodes; its
 * refusal ({@code 23P01}) becomes "period taken". Each change and its trail entry are one transaction.
 * The writers of one reservable first take a transaction-level advisory lock on it: two transactions
 * inserting overlapping rows would otherwise each wait for the other's exclusion check, a deadlock broken
 * only after {@code deadlock_timeout}; the lock only orders them, the constraint decides.
 */
public final class PostgresReservationStore implements ReservationStore {

    private static final String EXCLUSION_VIOLATION = "23P01";
    private static final String COLUMNS = "tenant_id, id, reservable_id, usager_id, category, starts_at, ends_at,"
            + " status, price_cents, deposit_cents, required_pieces, piece_codes, piece_refs, hold_expires_at,"
            + " payment_reference, decision_reason, version, created_at, updated_at, deposit_in_payment, deposit_status";

    private final ItemTrail db;

    /**
     * A store of reservations and reservables over this data source, whose schema the scheduling migrations created.
     *
     * @param dataSource the commune's or the shared database (rows carry their tenant)
     */
    public PostgresReservationStore(DataSource dataSource) {
        this(dataSource, Set.of());
    }

    /**
     * The same store: since V11 each change's {@link ReservationEvent} is in the item log, which gru-core's
     * relay delivers to the subscribers it is configured with ({@link SchedulingSchema#itemEventLogs()});
     * nothing is written to gru-core's outbox, whatever the subscribers.
     *
     * @param dataSource the commune's or the shared database, where gru-core's migrations ran first
     * @param subscribers the outbox subscribers, checked and otherwise unused
     * @throws IllegalArgumentException when a subscriber's name is blank or longer than 64 characters
     */
    public PostgresReservationStore(DataSource dataSource, Set<String> subscribers) {
        this.db = new ItemTrail(Objects.requireNonNull(dataSource, "dataSource"), "reservation", subscribers);
    }

    @Override
    public Optional<Reservation> insert(Reservation r, TrailEntry entry) {
        return db.inTransaction("reservation insert", c -> {
            lock(c, r);
            Savepoint before = c.setSavepoint();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO scheduling_reservation (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                bind(c, ps, r);
                ps.executeUpdate();
            } catch (SQLException e) {
                if (EXCLUSION_VIOLATION.equals(e.getSQLState())) {
                    c.rollback(before);
                    return Optional.<Reservation>empty();
                }
                throw e;
            }
            db.record(c, entry, told(r, entry));
            return Optional.of(r);
        });
    }

    @Override
    public UpdateResult<Reservation> update(Reservation previous, Reservation next, TrailEntry entry) {
        return db.inTransaction("reservation update", c -> {
            lock(c, next);
            Savepoint before = c.setSavepoint();
            int n;
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE scheduling_reservation SET status = ?,"
                            + " piece_codes = ?, piece_refs = ?, hold_expires_at = ?, payment_reference = ?, decision_reason = ?,"
                            + " version = ?, updated_at = ?, deposit_status = ? WHERE tenant_id = ? AND id = ? AND version = ?")) {
                ps.setString(1, next.status().name());
                ps.setArray(
                        2,
                        c.createArrayOf(
                                "text",
                                next.providedPieces().keySet().stream().sorted().toArray()));
                ps.setArray(
                        3,
                        c.createArrayOf(
                                "text",
                                new TreeMap<>(next.providedPieces()).values().toArray()));
                setInstant(ps, 4, next.holdExpiresAt());
                ps.setString(5, next.paymentReference());
                ps.setString(6, next.decisionReason());
                ps.setInt(7, next.version());
                setInstant(ps, 8, next.updatedAt());
                ps.setString(9, next.deposit().name());
                ps.setString(10, previous.tenant().value());
                ps.setObject(11, previous.id().value());
                ps.setInt(12, previous.version());
                n = ps.executeUpdate();
            } catch (SQLException e) {
                if (EXCLUSION_VIOLATION.equals(e.getSQLState())) {
                    c.rollback(before);
                    return new UpdateResult.PlaceTaken<Reservation>();
                }
                throw e;
            }
            if (n == 0) {
                return new UpdateResult.Stale<Reservation>();
            }
            db.record(c, entry, told(next, entry));
            return new UpdateResult.Updated<>(next, List.of());
        });
    }

    /** The change as told to the webhooks (through the log), or null for a change not told. */
    private static ItemTrail.@Nullable Told told(Reservation r, TrailEntry entry) {
        Optional<ReservationEvent> event = ReservationEvent.of(r, entry);
        if (event.isPresent()) {
            ReservationEvent e = event.get();
            Map<String, @Nullable Object> fields = new LinkedHashMap<>();
            fields.put("reservation", e.reservation().toString());
            fields.put("reservable", e.reservable().value());
            fields.put("startsAt", e.start().toString());
            fields.put("endsAt", e.end().toString());
            fields.put("status", e.status().name());
            fields.put("deposit", e.deposit().name());
            fields.put("version", e.version());
            return new ItemTrail.Told(e, e.kind().name(), fields);
        }
        return null;
    }

    private static void lock(Connection c, Reservation r) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT pg_advisory_xact_lock(hashtext('scheduling_reservation')," + " hashtext(? || '|' || ?))")) {
            ps.setString(1, r.tenant().value());
            ps.setString(2, r.reservable().value());
            ps.execute();
        }
    }

    private static void bind(Connection c, PreparedStatement ps, Reservation r) throws SQLException {
        Map<String, String> pieces = new TreeMap<>(r.providedPieces());
        ps.setString(1, r.tenant().value());
        ps.setObject(2, r.id().value());
        ps.setString(3, r.reservable().value());
        ps.setObject(4, r.usager().value());
        ps.setString(5, r.category().name());
        setInstant(ps, 6, r.start());
        setInstant(ps, 7, r.end());
        ps.setString(8, r.status().name());
        ps.setLong(9, r.priceCents());
        ps.setLong(10, r.depositCents());
        ps.setArray(
                11, c.createArrayOf("text", r.requiredPieces().stream().sorted().toArray()));
        ps.setArray(12, c.createArrayOf("text", pieces.keySet().toArray()));
        ps.setArray(13, c.createArrayOf("text", pieces.values().toArray()));
        setInstant(ps, 14, r.holdExpiresAt());
        ps.setString(15, r.paymentReference());
        ps.setString(16, r.decisionReason());
        ps.setInt(17, r.version());
        setInstant(ps, 18, r.createdAt());
        setInstant(ps, 19, r.updatedAt());
        ps.setBoolean(20, r.depositInPayment());
        ps.setString(21, r.deposit().name());
    }

    @Override
    public Optional<Reservation> find(TenantId tenant, ReservationId id) {
        List<Reservation> found = select("tenant_id = ? AND id = ?", "", tenant.value(), id.value());
        return found.stream().findFirst();
    }

    @Override
    public List<Reservation> overdueHolds(TenantId tenant, Instant now) {
        return select(
                "tenant_id = ? AND status = 'AWAITING_PAYMENT' AND hold_expires_at <= ?",
                " ORDER BY hold_expires_at",
                tenant.value(),
                java.time.OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC));
    }

    @Override
    public List<Reservation> overlapping(TenantId tenant, ReservableId reservable, Instant from, Instant to) {
        return select(
                "tenant_id = ? AND reservable_id = ? AND period && tstzrange(?, ?, '[)')",
                " ORDER BY starts_at, id",
                tenant.value(),
                reservable.value(),
                java.time.OffsetDateTime.ofInstant(from, java.time.ZoneOffset.UTC),
                java.time.OffsetDateTime.ofInstant(to, java.time.ZoneOffset.UTC));
    }

    @Override
    public List<Reservation> ofUsager(TenantId tenant, UsagerId usager) {
        return select(
                "tenant_id = ? AND usager_id = ?", " ORDER BY created_at DESC, id", tenant.value(), usager.value());
    }

    @Override
    public List<TrailEntry> trail(TenantId tenant, ReservationId id) {
        return db.trail(tenant, id.value());
    }

    /**
     * Checks the reservation's trail: its hash chain re-computed, its head and length compared with the
     * reservation row's (V11).
     *
     * @param tenant the collectivité
     * @param id the reservation
     * @return the check
     * @throws org.opengru.core.error.NotFoundException when the reservation is not stored
     */
    public TrailCheck verifyTrail(TenantId tenant, ReservationId id) {
        return db.verify(tenant, id.value());
    }

    @Override
    public int detachUsager(TenantId tenant, UsagerId usager, Instant now) {
        return db.inTransaction("detaching the reservations of an usager", c -> {
            int n = 0;
            for (Reservation r : ofUsager(tenant, usager)) {
                if (!Detach.detachable(r, now)) {
                    continue;
                }
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE scheduling_reservation SET usager_id = ?,"
                                + " piece_codes = '{}', piece_refs = '{}', decision_reason = NULL WHERE tenant_id = ? AND id = ?")) {
                    ps.setObject(1, UUID.randomUUID());
                    ps.setString(2, tenant.value());
                    ps.setObject(3, r.id().value());
                    n += ps.executeUpdate();
                }
                db.clearDetails(c, tenant, r.id().value());
            }
            return n;
        });
    }

    private List<Reservation> select(String where, String order, Object... args) {
        return db.read("reading reservations", c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("SELECT " + COLUMNS + " FROM scheduling_reservation WHERE " + where + order)) {
                for (int i = 0; i < args.length; i++) {
                    ps.setObject(i + 1, args[i]);
                }
                List<Reservation> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(row(rs));
                    }
                }
                return out;
            }
        });
    }

    private static Reservation row(ResultSet rs) throws SQLException {
        String[] codes = (String[]) rs.getArray("piece_codes").getArray();
        String[] refs = (String[]) rs.getArray("piece_refs").getArray();
        Map<String, String> pieces = new TreeMap<>();
        for (int i = 0; i < codes.length; i++) {
            pieces.put(codes[i], refs[i]);
        }
        return new Reservation(
                new ReservationId(rs.getObject("id", UUID.class)),
                TenantId.of(rs.getString("tenant_id")),
                ReservableId.of(rs.getString("reservable_id")),
                new UsagerId(rs.getObject("usager_id", UUID.class)),
                UsagerCategory.valueOf(rs.getString("category")),
                Objects.requireNonNull(instant(rs, "starts_at")),
                Objects.requireNonNull(instant(rs, "ends_at")),
                ReservationStatus.valueOf(rs.getString("status")),
                rs.getLong("price_cents"),
                rs.getLong("deposit_cents"),
                rs.getBoolean("deposit_in_payment"),
                DepositStatus.valueOf(rs.getString("deposit_status")),
                java.util.Set.copyOf(
                        Arrays.asList((String[]) rs.getArray("required_pieces").getArray())),
                pieces,
                instant(rs, "hold_expires_at"),
                rs.getString("payment_reference"),
                rs.getString("decision_reason"),
                rs.getInt("version"),
                Objects.requireNonNull(instant(rs, "created_at")),
                Objects.requireNonNull(instant(rs, "updated_at")));
    }
}
