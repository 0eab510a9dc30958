package org.opengru.scheduling.postgres;

import static org.opengru.scheduling.postgres.ItemTrail.instant;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
 * refusal ({@code 23P01}) becomes "period taken". Each change is one statement in autocommit, writing the
 * reservation row and its event in the item log: one round trip, nothing written when it is refused.
 * That statement first takes a transaction-level advisory lock on the reservable: two
 * transactions inserting overlapping rows would otherwise each wait for the other's exclusion check, a
 * deadlock broken only after {@code deadlock_timeout}; the lock only orders them, the constraint decides.
 */
public final class PostgresReservationStore implements ReservationStore {

    private static final String EXCLUSION_VIOLATION = "23P01";
    private static final String COLUMNS = "tenant_id, id, reservable_id, usager_id, category, starts_at, ends_at,"
            + " status, price_cents, deposit_cents, required_pieces, piece_codes, piece_refs, hold_expires_at,"
            + " payment_reference, decision_reason, version, created_at, updated_at, deposit_in_payment, deposit_status";

    /**
     * Serialises the writers of one reservable before they write: two statements inserting overlapping
     * rows would otherwise each wait for the other's exclusion check, a deadlock PostgreSQL breaks only
     * after deadlock_timeout. Held until the statement's commit; the constraint decides.
     */
    private static final String LOCK = "lk AS (SELECT pg_advisory_xact_lock(hashtext('scheduling_reservation'),"
            + " hashtext(:tenant || '|' || :reservable)) AS locked)";

    /** The reservation and its first event, in one statement, under the reservable's lock. */
    private static final NamedSql INSERT = new NamedSql("""
            WITH %1$s,
            ins AS (
                INSERT INTO scheduling_reservation (%2$s, %3$s)
                SELECT :tenant, :item::uuid, :reservable, :usager::uuid, :category, :starts_at::timestamptz,
                       :ends_at::timestamptz, :status, :price::bigint, :deposit::bigint, :required::text[],
                       :piece_codes::text[], :piece_refs::text[], :hold_expires_at::timestamptz, :payment_reference,
                       :decision_reason, :version, :created_at::timestamptz, :updated_at::timestamptz,
                       :deposit_in_payment::boolean, :deposit_status, %4$s
                  FROM lk
                RETURNING %5$s),
            ev AS (%6$s)
            SELECT 1 FROM ins
            """.formatted(
                    LOCK,
                    COLUMNS,
                    ItemTrail.INSERT_HEAD_COLUMNS,
                    ItemTrail.INSERT_HEAD_VALUES,
                    ItemTrail.INSERT_RETURNING,
                    ItemTrail.event("ins")));

    /** A change of the reservation on its version, and its event, in one statement, under the lock. */
    private static final NamedSql UPDATE = new NamedSql(
            """
            WITH %1$s,
            upd AS (
                UPDATE scheduling_reservation t
                   SET status = :status, piece_codes = :piece_codes::text[], piece_refs = :piece_refs::text[],
                       hold_expires_at = :hold_expires_at::timestamptz, payment_reference = :payment_reference,
                       decision_reason = :decision_reason, version = :version, updated_at = :updated_at::timestamptz,
                       deposit_status = :deposit_status, %2$s
                  FROM scheduling_reservation o, lk
                 WHERE o.tenant_id = :tenant AND o.id = :item::uuid AND t.tenant_id = o.tenant_id AND t.id = o.id
                   AND t.version = :expected AND t.event_count = o.event_count
                RETURNING %3$s),
            ev AS (%4$s)
            SELECT 1 FROM upd
            """.formatted(LOCK, ItemTrail.UPDATE_HEAD, ItemTrail.UPDATE_RETURNING, ItemTrail.event("upd")));

    private final ItemTrail db;

    /**
     * A store of reservations and reservables over this data source, whose schema the scheduling migrations created.
     *
     * <p>Since V11 each change's {@link ReservationEvent} is in the item log, which gru-core's relay delivers to the
     * subscribers it is configured with ({@link SchedulingSchema#itemEventLogs()}): the store needs no
     * subscribers.
     *
     * @param dataSource the commune's or the shared database (rows carry their tenant)
     */
    public PostgresReservationStore(DataSource dataSource) {
        this.db = new ItemTrail(Objects.requireNonNull(dataSource, "dataSource"), "reservation");
    }

    /**
     * The same store; the subscribers are no longer used (since V11 the relay delivers from the log).
     *
     * @param dataSource the commune's or the shared database, where gru-core's migrations ran first
     * @param subscribers unused
     * @deprecated since V11 the subscribers are unused: use {@link #PostgresReservationStore(DataSource)}
     */
    @Deprecated(since = "0.1.0", forRemoval = true)
    public PostgresReservationStore(DataSource dataSource, Set<String> subscribers) {
        this(dataSource);
    }

    @Override
    public Optional<Reservation> insert(Reservation r, TrailEntry entry) {
        Map<String, @Nullable Object> v = db.params(entry, told(r, entry));
        v.put("reservable", r.reservable().value());
        v.put("usager", r.usager().toString());
        v.put("category", r.category().name());
        v.put("starts_at", r.start());
        v.put("ends_at", r.end());
        v.put("status", r.status().name());
        v.put("price", Long.toString(r.priceCents()));
        v.put("deposit", Long.toString(r.depositCents()));
        v.put("required", r.requiredPieces().stream().sorted().toArray(String[]::new));
        Map<String, String> pieces = new TreeMap<>(r.providedPieces());
        v.put("piece_codes", pieces.keySet().toArray(String[]::new));
        v.put("piece_refs", pieces.values().toArray(String[]::new));
        v.put("hold_expires_at", r.holdExpiresAt());
        v.put("payment_reference", r.paymentReference());
        v.put("decision_reason", r.decisionReason());
        v.put("version", r.version());
        v.put("created_at", r.createdAt());
        v.put("updated_at", r.updatedAt());
        v.put("deposit_in_payment", r.depositInPayment());
        v.put("deposit_status", r.deposit().name());
        return db.once("reservation insert", c -> {
            try (PreparedStatement ps = INSERT.prepare(c, v);
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                return Optional.of(r);
            } catch (SQLException e) {
                if (EXCLUSION_VIOLATION.equals(e.getSQLState())) {
                    return Optional.<Reservation>empty(); // the statement wrote nothing
                }
                throw e;
            }
        });
    }

    @Override
    public UpdateResult<Reservation> update(Reservation previous, Reservation next, TrailEntry entry) {
        Map<String, @Nullable Object> v = db.params(entry, told(next, entry));
        v.put("reservable", previous.reservable().value());
        v.put("status", next.status().name());
        v.put("piece_codes", next.providedPieces().keySet().stream().sorted().toArray(String[]::new));
        v.put("piece_refs", new TreeMap<>(next.providedPieces()).values().toArray(String[]::new));
        v.put("hold_expires_at", next.holdExpiresAt());
        v.put("payment_reference", next.paymentReference());
        v.put("decision_reason", next.decisionReason());
        v.put("version", next.version());
        v.put("updated_at", next.updatedAt());
        v.put("deposit_status", next.deposit().name());
        v.put("expected", previous.version());
        return db.once("reservation update", c -> {
            try (PreparedStatement ps = UPDATE.prepare(c, v);
                    ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new UpdateResult.Updated<>(next, List.of()) : new UpdateResult.Stale<Reservation>();
            } catch (SQLException e) {
                if (EXCLUSION_VIOLATION.equals(e.getSQLState())) {
                    return new UpdateResult.PlaceTaken<Reservation>(); // the statement wrote nothing
                }
                throw e;
            }
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
