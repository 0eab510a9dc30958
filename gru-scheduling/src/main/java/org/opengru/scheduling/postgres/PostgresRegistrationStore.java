package org.opengru.scheduling.postgres;

import static org.opengru.scheduling.postgres.ItemTrail.instant;
import static org.opengru.scheduling.postgres.ItemTrail.setInstant;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.opengru.core.error.ValidationException;
import org.opengru.core.id.TeamId;
import org.opengru.core.id.UsagerId;
import org.opengru.core.principal.ActorRef;
import org.opengru.core.tenancy.TenantId;
import org.opengru.scheduling.hold.TrailCheck;
import org.opengru.scheduling.hold.TrailEntry;
import org.opengru.scheduling.hold.UpdateResult;
import org.opengru.scheduling.registration.EventSession;
import org.opengru.scheduling.registration.Registration;
import org.opengru.scheduling.registration.RegistrationEvent;
import org.opengru.scheduling.registration.RegistrationId;
import org.opengru.scheduling.registration.RegistrationStatus;
import org.opengru.scheduling.registration.RegistrationStore;
import org.opengru.scheduling.registration.SessionId;
import org.opengru.scheduling.registration.internal.Places;

/**
 * Registrations in PostgreSQL, plain JDBC. A session's places taken are a counter guarded by a CHECK
 * ({@code taken <= capacity}) and only ever raised by {@code UPDATE ... WHERE taken < capacity}, whose row
 * lock orders concurrent registrations: no interleaving of nodes gives more places than the capacity. The
 * limit per person and event is counted under a transaction-level advisory lock on (event, participant),
 * so two registrations of one person on two nodes are counted one after the other; a partial unique index
 * forbids two active registrations of one participant to one session. A change that frees a place gives
 * it, in the same transaction, to the first person waiting.
 */
public final class PostgresRegistrationStore implements RegistrationStore {

    private static final String UNIQUE_VIOLATION = "23505";
    private static final String CHECK_VIOLATION = "23514";
    private static final String COLUMNS = "tenant_id, id, session_id, event_id, participant_id, registered_by, status,"
            + " price_cents, hold_expires_at, payment_reference, position, version, created_at, updated_at";
    private static final String SESSION_COLUMNS =
            "tenant_id, id, event_id, title, starts_at, capacity, per_person_limit,"
                    + " cancel_until, price_cents, payment_hold_seconds, teams";

    private final ItemTrail db;

    /**
     * A store of registrations and sessions over this data source, whose schema the scheduling migrations created.
     *
     * @param dataSource the commune's or the shared database (rows carry their tenant)
     */
    public PostgresRegistrationStore(DataSource dataSource) {
        this(dataSource, Set.of());
    }

    /**
     * The same store: since V11 each change's {@link RegistrationEvent} (a promotion from the waiting list
     * included) is in the item log, which gru-core's relay delivers to the subscribers it is configured with
     * ({@link SchedulingSchema#itemEventLogs()}); nothing is written to gru-core's outbox.
     *
     * @param dataSource the commune's or the shared database, where gru-core's migrations ran first
     * @param subscribers the outbox subscribers, checked and otherwise unused
     * @throws IllegalArgumentException when a subscriber's name is blank or longer than 64 characters
     */
    public PostgresRegistrationStore(DataSource dataSource, Set<String> subscribers) {
        this.db = new ItemTrail(Objects.requireNonNull(dataSource, "dataSource"), "registration", subscribers);
    }

    @Override
    public List<Registration> saveSession(EventSession s, Instant now) {
        return db.inTransaction("saving a session", c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO scheduling_event_session (" + SESSION_COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (tenant_id, id) DO UPDATE SET"
                    + " event_id = EXCLUDED.event_id, title = EXCLUDED.title, starts_at = EXCLUDED.starts_at,"
                    + " capacity = EXCLUDED.capacity, per_person_limit = EXCLUDED.per_person_limit,"
                    + " cancel_until = EXCLUDED.cancel_until, price_cents = EXCLUDED.price_cents,"
                    + " payment_hold_seconds = EXCLUDED.payment_hold_seconds, teams = EXCLUDED.teams")) {
                ps.setString(1, s.tenant().value());
                ps.setString(2, s.id().value());
                ps.setString(3, s.event());
                ps.setString(4, s.title());
                setInstant(ps, 5, s.startsAt());
                ps.setInt(6, s.capacity());
                ps.setInt(7, s.perPersonLimit());
                setInstant(ps, 8, s.cancelUntil());
                ps.setLong(9, s.priceCents());
                ps.setLong(10, s.paymentHold().toSeconds());
                ps.setArray(
                        11,
                        c.createArrayOf(
                                "text",
                                s.teams().stream().map(TeamId::value).sorted().toArray()));
                ps.executeUpdate();
            } catch (SQLException e) {
                if (CHECK_VIOLATION.equals(e.getSQLState())) {
                    throw new ValidationException(
                            "session.capacity", s.capacity(), "is below the places already taken");
                }
                throw e;
            }
            List<Registration> promoted = new ArrayList<>();
            while (true) {
                Optional<Registration> p = promoteFirst(c, s, now);
                if (p.isEmpty()) {
                    return promoted;
                }
                promoted.add(p.get());
            }
        });
    }

    @Override
    public Optional<EventSession> findSession(TenantId tenant, SessionId id) {
        return db.read("reading a session", c -> session(c, tenant, id));
    }

    private static Optional<EventSession> session(Connection c, TenantId tenant, SessionId id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT " + SESSION_COLUMNS + " FROM scheduling_event_session WHERE tenant_id = ? AND id = ?")) {
            ps.setString(1, tenant.value());
            ps.setString(2, id.value());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new EventSession(
                        tenant,
                        id,
                        rs.getString("event_id"),
                        rs.getString("title"),
                        Objects.requireNonNull(instant(rs, "starts_at")),
                        rs.getInt("capacity"),
                        rs.getInt("per_person_limit"),
                        Objects.requireNonNull(instant(rs, "cancel_until")),
                        rs.getLong("price_cents"),
                        Duration.ofSeconds(rs.getLong("payment_hold_seconds")),
                        Arrays.stream((String[]) rs.getArray("teams").getArray())
                                .map(TeamId::of)
                                .collect(Collectors.toSet())));
            }
        }
    }

    @Override
    public int taken(TenantId tenant, SessionId id) {
        return db.read("counting places", c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("SELECT taken FROM scheduling_event_session WHERE tenant_id = ? AND id = ?")) {
                ps.setString(1, tenant.value());
                ps.setString(2, id.value());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getInt(1) : 0;
                }
            }
        });
    }

    @Override
    public Outcome register(Registration candidate, ActorRef actor) {
        try {
            return registerOnce(candidate, actor);
        } catch (Duplicate d) {
            return find(candidate.tenant(), candidate.session(), candidate.participant())
                    .<Outcome>map(r -> new Outcome.AlreadyRegistered(r.id()))
                    .orElseGet(() -> registerOnce(candidate, actor)); // cancelled meanwhile: try again
        }
    }

    /** Rolls a registration back when the unique index finds the participant already registered. */
    private static final class Duplicate extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Duplicate() {
            super("already registered", null, false, false);
        }
    }

    private Optional<Registration> find(TenantId tenant, SessionId session, UsagerId participant) {
        return select(
                        "tenant_id = ? AND session_id = ? AND participant_id = ?"
                                + " AND status IN ('WAITING', 'AWAITING_PAYMENT', 'CONFIRMED')",
                        "",
                        tenant.value(),
                        session.value(),
                        participant.value())
                .stream()
                .findFirst();
    }

    private Outcome registerOnce(Registration candidate, ActorRef actor) {
        return db.inTransaction("registering", c -> {
            EventSession s = session(c, candidate.tenant(), candidate.session())
                    .orElseThrow(() -> new ValidationException("session", candidate.session(), "is not declared"));
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT pg_advisory_xact_lock(hashtext('scheduling_registration'), hashtext(? || '|' || ? || '|' || ?))")) {
                ps.setString(1, s.tenant().value());
                ps.setString(2, s.event());
                ps.setString(3, candidate.participant().toString());
                ps.execute();
            }
            // After the lock, at READ COMMITTED: sees the registrations of whoever held it before.
            try (PreparedStatement ps = c.prepareStatement("SELECT id, session_id FROM scheduling_registration"
                    + " WHERE tenant_id = ? AND event_id = ? AND participant_id = ?"
                    + " AND status IN ('WAITING', 'AWAITING_PAYMENT', 'CONFIRMED')")) {
                ps.setString(1, s.tenant().value());
                ps.setString(2, s.event());
                ps.setObject(3, candidate.participant().value());
                int active = 0;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (rs.getString(2).equals(s.id().value())) {
                            return new Outcome.AlreadyRegistered(new RegistrationId(rs.getObject(1, UUID.class)));
                        }
                        active++;
                    }
                }
                if (active >= s.perPersonLimit()) {
                    return new Outcome.PersonLimitReached(s.perPersonLimit());
                }
            }
            boolean place = takePlace(c, s.tenant(), s.id());
            Registration r;
            try {
                r = insert(c, Places.placed(candidate, s, place, candidate.createdAt(), nextPosition(c), 0));
            } catch (SQLException e) {
                if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    // The unique index, a backstop behind the lock above: roll the place back with the rest.
                    throw new Duplicate();
                }
                throw e;
            }
            TrailEntry registered = Places.registered(r, actor);
            db.record(c, registered, told(r, registered));
            return new Outcome.Registered(r);
        });
    }

    /** The guard: a place is taken only while fewer than the capacity are. */
    private static boolean takePlace(Connection c, TenantId tenant, SessionId id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE scheduling_event_session SET taken = taken + 1"
                + " WHERE tenant_id = ? AND id = ? AND taken < capacity")) {
            ps.setString(1, tenant.value());
            ps.setString(2, id.value());
            return ps.executeUpdate() == 1;
        }
    }

    /** The next place in the waiting lists' order, from the column's own sequence. */
    private static long nextPosition(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                        "SELECT nextval(pg_get_serial_sequence('scheduling_registration', 'position'))");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Registration insert(Connection c, Registration r) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO scheduling_registration (tenant_id, id, session_id,"
                + " event_id, participant_id, registered_by, status, price_cents, hold_expires_at, payment_reference,"
                + " version, created_at, updated_at, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, r.tenant().value());
            ps.setObject(2, r.id().value());
            ps.setString(3, r.session().value());
            ps.setString(4, r.event());
            ps.setObject(5, r.participant().value());
            ps.setObject(6, r.registeredBy() == null ? null : r.registeredBy().value());
            ps.setString(7, r.status().name());
            ps.setLong(8, r.priceCents());
            setInstant(ps, 9, r.holdExpiresAt());
            ps.setString(10, r.paymentReference());
            ps.setInt(11, r.version());
            setInstant(ps, 12, r.createdAt());
            setInstant(ps, 13, r.updatedAt());
            ps.setLong(14, r.position());
            ps.executeUpdate();
            return r;
        }
    }

    @Override
    public UpdateResult<Registration> update(Registration previous, Registration next, TrailEntry entry) {
        try {
            return db.inTransaction("registration update", c -> {
                try (PreparedStatement ps = c.prepareStatement("UPDATE scheduling_registration SET status = ?,"
                        + " hold_expires_at = ?, payment_reference = ?, version = ?, updated_at = ?"
                        + " WHERE tenant_id = ? AND id = ? AND version = ?")) {
                    ps.setString(1, next.status().name());
                    setInstant(ps, 2, next.holdExpiresAt());
                    ps.setString(3, next.paymentReference());
                    ps.setInt(4, next.version());
                    setInstant(ps, 5, next.updatedAt());
                    ps.setString(6, previous.tenant().value());
                    ps.setObject(7, previous.id().value());
                    ps.setInt(8, previous.version());
                    if (ps.executeUpdate() == 0) {
                        return new UpdateResult.Stale<Registration>();
                    }
                }
                List<Registration> promoted = new ArrayList<>();
                if (next.status().takesPlace() && !previous.status().takesPlace()) {
                    if (!takePlace(c, previous.tenant(), previous.session())) {
                        throw new PlaceTaken();
                    }
                } else if (previous.status().takesPlace() && !next.status().takesPlace()) {
                    try (PreparedStatement ps =
                            c.prepareStatement("UPDATE scheduling_event_session SET taken = taken - 1"
                                    + " WHERE tenant_id = ? AND id = ?")) {
                        ps.setString(1, previous.tenant().value());
                        ps.setString(2, previous.session().value());
                        ps.executeUpdate();
                    }
                    EventSession s =
                            session(c, previous.tenant(), previous.session()).orElseThrow();
                    promoteFirst(c, s, entry.at()).ifPresent(promoted::add);
                }
                db.record(c, entry, told(next, entry));
                return new UpdateResult.Updated<>(next, promoted);
            });
        } catch (PlaceTaken full) {
            return new UpdateResult.PlaceTaken<>();
        }
    }

    /** Rolls the change back when the session is full. */
    private static final class PlaceTaken extends RuntimeException {
        private static final long serialVersionUID = 1L;

        PlaceTaken() {
            super("the session is full", null, false, false);
        }
    }

    /** The change as told to the webhooks (through the log), or null for a change not told. */
    private static ItemTrail.@Nullable Told told(Registration r, TrailEntry entry) {
        Optional<RegistrationEvent> event = RegistrationEvent.of(r, entry);
        if (event.isPresent()) {
            RegistrationEvent e = event.get();
            Map<String, @Nullable Object> fields = new LinkedHashMap<>();
            fields.put("registration", e.registration().toString());
            fields.put("session", e.session().value());
            fields.put("eventCode", e.event());
            fields.put("status", e.status().name());
            fields.put(
                    "holdExpiresAt",
                    e.holdExpiresAt() == null ? null : e.holdExpiresAt().toString());
            fields.put("version", e.version());
            return new ItemTrail.Told(e, e.kind().name(), fields);
        }
        return null;
    }

    /** Gives a free place to the first person waiting, if any; the caller holds the session row. */
    private Optional<Registration> promoteFirst(Connection c, EventSession s, Instant at) throws SQLException {
        while (true) {
            Registration first;
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM scheduling_registration"
                    + " WHERE tenant_id = ? AND session_id = ? AND status = 'WAITING' ORDER BY position LIMIT 1")) {
                ps.setString(1, s.tenant().value());
                ps.setString(2, s.id().value());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    first = row(rs);
                }
            }
            if (!takePlace(c, s.tenant(), s.id())) {
                return Optional.empty();
            }
            Registration p = Places.placed(first, s, true, at, first.position(), first.version() + 1);
            try (PreparedStatement ps = c.prepareStatement("UPDATE scheduling_registration SET status = ?,"
                    + " hold_expires_at = ?, version = ?, updated_at = ? WHERE tenant_id = ? AND id = ? AND version = ?"
                    + " AND status = 'WAITING'")) {
                ps.setString(1, p.status().name());
                setInstant(ps, 2, p.holdExpiresAt());
                ps.setInt(3, p.version());
                setInstant(ps, 4, at);
                ps.setString(5, p.tenant().value());
                ps.setObject(6, p.id().value());
                ps.setInt(7, first.version());
                if (ps.executeUpdate() == 0) {
                    // Cancelled meanwhile: give the place back and try the next one.
                    try (PreparedStatement back =
                            c.prepareStatement("UPDATE scheduling_event_session SET taken = taken - 1"
                                    + " WHERE tenant_id = ? AND id = ?")) {
                        back.setString(1, s.tenant().value());
                        back.setString(2, s.id().value());
                        back.executeUpdate();
                    }
                    continue;
                }
            }
            TrailEntry promoted = Places.promoted(p, at);
            db.record(c, promoted, told(p, promoted));
            return Optional.of(p);
        }
    }

    @Override
    public Optional<Registration> find(TenantId tenant, RegistrationId id) {
        return select("tenant_id = ? AND id = ?", "", tenant.value(), id.value()).stream()
                .findFirst();
    }

    @Override
    public List<Registration> ofSession(TenantId tenant, SessionId session) {
        return select("tenant_id = ? AND session_id = ?", " ORDER BY position", tenant.value(), session.value());
    }

    @Override
    public List<Registration> ofUsager(TenantId tenant, UsagerId usager) {
        return select(
                "tenant_id = ? AND (participant_id = ? OR registered_by = ?)",
                " ORDER BY created_at DESC, position DESC",
                tenant.value(),
                usager.value(),
                usager.value());
    }

    @Override
    public List<Registration> overdueHolds(TenantId tenant, Instant now) {
        return select(
                "tenant_id = ? AND status = 'AWAITING_PAYMENT' AND hold_expires_at <= ?",
                " ORDER BY hold_expires_at",
                tenant.value(),
                OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
    }

    @Override
    public List<TrailEntry> trail(TenantId tenant, RegistrationId id) {
        return db.trail(tenant, id.value());
    }

    /**
     * Checks the registration's trail: its hash chain re-computed, its head and length compared with the
     * registration row's (V11).
     *
     * @param tenant the collectivité
     * @param id the registration
     * @return the check
     * @throws org.opengru.core.error.NotFoundException when the registration is not stored
     */
    public TrailCheck verifyTrail(TenantId tenant, RegistrationId id) {
        return db.verify(tenant, id.value());
    }

    @Override
    public int detachUsager(TenantId tenant, UsagerId usager) {
        return db.inTransaction("detaching the registrations of an usager", c -> {
            int n = 0;
            for (Registration r : ofUsager(tenant, usager)) {
                if (r.status().active() || r.status() == RegistrationStatus.REFUND_DUE) {
                    continue;
                }
                try (PreparedStatement ps = c.prepareStatement("UPDATE scheduling_registration SET"
                        + " participant_id = CASE WHEN participant_id = ? THEN gen_random_uuid() ELSE participant_id END,"
                        + " registered_by = CASE WHEN registered_by = ? THEN gen_random_uuid() ELSE registered_by END"
                        + " WHERE tenant_id = ? AND id = ?")) {
                    ps.setObject(1, usager.value());
                    ps.setObject(2, usager.value());
                    ps.setString(3, tenant.value());
                    ps.setObject(4, r.id().value());
                    n += ps.executeUpdate();
                }
                db.clearDetails(c, tenant, r.id().value());
            }
            return n;
        });
    }

    private List<Registration> select(String where, String order, Object... args) {
        return db.read("reading registrations", c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("SELECT " + COLUMNS + " FROM scheduling_registration WHERE " + where + order)) {
                for (int i = 0; i < args.length; i++) {
                    ps.setObject(i + 1, args[i]);
                }
                List<Registration> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(row(rs));
                    }
                }
                return out;
            }
        });
    }

    private static Registration row(ResultSet rs) throws SQLException {
        @Nullable UUID by = rs.getObject("registered_by", UUID.class);
        return new Registration(
                new RegistrationId(rs.getObject("id", UUID.class)),
                TenantId.of(rs.getString("tenant_id")),
                SessionId.of(rs.getString("session_id")),
                rs.getString("event_id"),
                new UsagerId(rs.getObject("participant_id", UUID.class)),
                by == null ? null : new UsagerId(by),
                RegistrationStatus.valueOf(rs.getString("status")),
                rs.getLong("price_cents"),
                instant(rs, "hold_expires_at"),
                rs.getString("payment_reference"),
                rs.getLong("position"),
                rs.getInt("version"),
                Objects.requireNonNull(instant(rs, "created_at")),
                Objects.requireNonNull(instant(rs, "updated_at")));
    }
}
