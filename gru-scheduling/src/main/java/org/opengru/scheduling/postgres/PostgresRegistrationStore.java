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
 * ({@code taken <= capacity}), whose row lock orders concurrent registrations: no interleaving of nodes
 * gives more places than the capacity (a registration or promotion raises it only {@code WHERE taken <
 * capacity}; a late payment's change raises it and the CHECK refuses the whole statement). The limit per
 * person and event is counted under a transaction-level advisory lock on (event, participant), so two
 * registrations of one person on two nodes are counted one after the other; a partial unique index forbids
 * two active registrations of one participant to one session. A change that frees a place gives it, in the
 * same statement, to the first person waiting. Each change is one statement in autocommit (one round trip):
 * a new registration and a freed place call V13's VOLATILE functions, whose statements each take a fresh
 * snapshot (the count after the lock is held; the waiting list after the place is freed).
 */
public final class PostgresRegistrationStore implements RegistrationStore {

    private static final String UNIQUE_VIOLATION = "23505";
    private static final String CHECK_VIOLATION = "23514";
    private static final String COLUMNS = "tenant_id, id, session_id, event_id, participant_id, registered_by, status,"
            + " price_cents, hold_expires_at, payment_reference, position, version, created_at, updated_at";
    private static final String SESSION_COLUMNS =
            "tenant_id, id, event_id, title, starts_at, capacity, per_person_limit,"
                    + " cancel_until, price_cents, payment_hold_seconds, teams";

    private static final String CAPACITY = "scheduling_event_session_capacity";

    /**
     * A new registration in one statement: the person's registrations counted under their lock by {@code
     * scheduling_registration_count} (V13; VOLATILE, so its count sees what the previous holder of the lock
     * committed), then, if the person is not registered to the session yet and has fewer than the limit to
     * the event, a place if one is free (the session's counter raised while below the capacity), else
     * waiting, and its event; says which (its position) or why not. The hold of a place is the session's,
     * read by the function: its time replaces {@link #HOLD_MARK} in the event's JSON, formatted as {@link
     * Instant#toString()} (the seconds from SQL, the fraction of the registration's time from Java).
     */
    private static final NamedSql REGISTER = new NamedSql("""
            WITH cnt AS (SELECT * FROM scheduling_registration_count(:tenant, :session, :participant)),
            ok AS (
                SELECT cnt.session_event,
                       CASE WHEN :p_status = 'AWAITING_PAYMENT'
                            THEN :created_at::timestamptz + cnt.session_hold_seconds * interval '1 second' END AS p_hold,
                       replace(:p_event, :hold_mark, '"holdExpiresAt":"' || to_char(to_timestamp(
                               :created_epoch::bigint + cnt.session_hold_seconds) AT TIME ZONE 'UTC',
                               'YYYY-MM-DD"T"HH24:MI:SS') || :created_fraction || '"') AS p_event
                  FROM cnt WHERE cnt.already IS NULL AND cnt.active < cnt.session_limit),
            place AS (
                UPDATE scheduling_event_session s SET taken = s.taken + 1
                  FROM ok WHERE s.tenant_id = :tenant AND s.id = :session AND s.taken < s.capacity
                RETURNING 1),
            placed AS (%1$s),
            waiting AS (%2$s),
            placed_ev AS (%3$s),
            waiting_ev AS (%4$s)
            SELECT EXISTS (SELECT 1 FROM cnt) AS declared, (SELECT already FROM cnt) AS already,
                   (SELECT active FROM cnt) AS active, (SELECT session_limit FROM cnt) AS session_limit,
                   (SELECT session_hold_seconds FROM cnt) AS hold_seconds,
                   (SELECT position FROM placed) AS placed, (SELECT position FROM waiting) AS waiting
            """.formatted(
                    withHeldEvent(registerInsert("p_", "", "ok.p_hold")),
                    registerInsert("w_", "NOT", "NULL::timestamptz"),
                    withHeldEvent(ItemTrail.prefixed(ItemTrail.event("placed"), "p_")),
                    ItemTrail.prefixed(ItemTrail.event("waiting"), "w_")));

    /** What the event JSON of a place to be paid holds until the statement gives its hold's time. */
    private static final String HOLD_MARK = "@hold@";

    /** The placed registration's event JSON as {@link #REGISTER}'s {@code ok} completed it. */
    private static String withHeldEvent(String sql) {
        return sql.replaceAll(":p_event(?!\\w)", "(SELECT ok.p_event FROM ok)");
    }

    /** One of {@link #REGISTER}'s two inserts: with a place ({@code p_}) or, without one, waiting ({@code w_}). */
    private static String registerInsert(String prefix, String unless, String holdExpiresAt) {
        return """
                INSERT INTO scheduling_registration (tenant_id, id, session_id, event_id, participant_id, registered_by,
                       status, price_cents, hold_expires_at, payment_reference, version, created_at, updated_at, %1$s)
                SELECT :tenant, :item::uuid, :session, ok.session_event, :participant::uuid, :registered_by::uuid,
                       :%3$sstatus, :price::bigint, %6$s, :payment_reference, 0,
                       :created_at::timestamptz, :created_at::timestamptz, %2$s
                  FROM ok WHERE %4$s EXISTS (SELECT 1 FROM place)
                RETURNING position, %5$s""".formatted(
                        ItemTrail.INSERT_HEAD_COLUMNS,
                        ItemTrail.prefixed(ItemTrail.INSERT_HEAD_VALUES, prefix),
                        prefix,
                        unless,
                        ItemTrail.INSERT_RETURNING,
                        holdExpiresAt);
    }

    /**
     * A change of the registration on its version and its event, in one statement, with the session's
     * places moved by {@code :places} (1 taken, -1 freed, 0): a place taken beyond the capacity breaks the
     * session's CHECK, so the whole statement writes nothing.
     */
    private static final NamedSql UPDATE =
            new NamedSql("""
            WITH upd AS (
                UPDATE scheduling_registration t
                   SET status = :status, hold_expires_at = :hold_expires_at::timestamptz,
                       payment_reference = :payment_reference, version = :version,
                       updated_at = :updated_at::timestamptz, %1$s
                  FROM scheduling_registration o
                 WHERE o.tenant_id = :tenant AND o.id = :item::uuid AND t.tenant_id = o.tenant_id AND t.id = o.id
                   AND t.version = :expected AND t.event_count = o.event_count
                RETURNING %2$s),
            places AS (
                UPDATE scheduling_event_session s SET taken = s.taken + :places
                  FROM upd WHERE :places <> 0 AND s.tenant_id = :tenant AND s.id = :session),
            ev AS (%3$s)
            SELECT 1 FROM upd
            """.formatted(ItemTrail.UPDATE_HEAD, ItemTrail.UPDATE_RETURNING, ItemTrail.event("upd")));

    /**
     * A promotion from the waiting list: a place taken while fewer than the capacity are, then the waiting
     * registration (still waiting, on its version) given it, with its event, in one statement. Says whether
     * a place was free and whether the registration took it (a place taken for a registration cancelled
     * meanwhile is given back by the caller).
     */
    private static final NamedSql PROMOTE =
            new NamedSql("""
            WITH place AS (
                UPDATE scheduling_event_session SET taken = taken + 1
                 WHERE tenant_id = :tenant AND id = :session AND taken < capacity
                RETURNING 1),
            upd AS (
                UPDATE scheduling_registration t
                   SET status = :status, hold_expires_at = :hold_expires_at::timestamptz, version = :version,
                       updated_at = :at::timestamptz, %1$s
                  FROM scheduling_registration o, place
                 WHERE o.tenant_id = :tenant AND o.id = :item::uuid AND t.tenant_id = o.tenant_id AND t.id = o.id
                   AND t.version = :expected AND t.status = 'WAITING' AND t.event_count = o.event_count
                RETURNING %2$s),
            ev AS (%3$s)
            SELECT EXISTS (SELECT 1 FROM place) AS placed, EXISTS (SELECT 1 FROM upd) AS promoted
            """.formatted(ItemTrail.UPDATE_HEAD, ItemTrail.UPDATE_RETURNING, ItemTrail.event("upd")));

    /**
     * A change that frees a place, in one statement: {@code scheduling_registration_free} (V13) writes the
     * change, its event and the session's counter, then reads the waiting list and promotes the first person
     * waiting with their event, each statement with a fresh snapshot. No row when the version is stale, else
     * the registration promoted (its columns null when nobody was).
     */
    private static final NamedSql FREE = new NamedSql("""
            SELECT %s FROM scheduling_registration_free(:tenant, :item::uuid, :session, :expected, :status,
                   :hold_expires_at::timestamptz, :payment_reference, :version, :updated_at::timestamptz,
                   :event_id::uuid, :action, :kind, :actor, :at::timestamptz, :from_status, :to_status, :event_type,
                   :event, :detail, :genesis, :q_at_text, :q_at_epoch::bigint, :q_at_fraction, :q_actor,
                   :q_offer_kind, :q_offer_type, :q_confirm_kind, :q_confirm_type)
            """.formatted(COLUMNS));

    private final ItemTrail db;

    /**
     * A store of registrations and sessions over this data source, whose schema the scheduling migrations created.
     *
     * <p>Since V11 each change's {@link RegistrationEvent} (a promotion from the waiting list included) is in the item log, which gru-core's relay delivers to the
     * subscribers it is configured with ({@link SchedulingSchema#itemEventLogs()}): the store needs no
     * subscribers.
     *
     * @param dataSource the commune's or the shared database (rows carry their tenant)
     */
    public PostgresRegistrationStore(DataSource dataSource) {
        this.db = new ItemTrail(Objects.requireNonNull(dataSource, "dataSource"), "registration");
    }

    /**
     * The same store; the subscribers are no longer used (since V11 the relay delivers from the log).
     *
     * @param dataSource the commune's or the shared database, where gru-core's migrations ran first
     * @param subscribers unused
     * @deprecated since V11 the subscribers are unused: use {@link #PostgresRegistrationStore(DataSource)}
     */
    @Deprecated(since = "0.1.0", forRemoval = true)
    public PostgresRegistrationStore(DataSource dataSource, Set<String> subscribers) {
        this(dataSource);
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
                Optional<Registration> p = promoteFirst(c, s.tenant(), s.id(), s, now);
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
                return rs.next() ? Optional.of(session(rs)) : Optional.empty();
            }
        }
    }

    private static EventSession session(ResultSet rs) throws SQLException {
        return new EventSession(
                TenantId.of(rs.getString("tenant_id")),
                SessionId.of(rs.getString("id")),
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
                        .collect(Collectors.toSet()));
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
        // One statement in autocommit: the lock, the count, the place, the registration and its event.
        return db.once("registering", c -> {
            // One of two registrations is written, with its event: with a place, or waiting. A place's hold is
            // the session's, which the statement reads: the event of a place carries HOLD_MARK for its time.
            Registration placed = Places.placed(candidate, Duration.ZERO, true, candidate.createdAt(), 0, 0);
            Registration waiting = Places.placed(candidate, Duration.ZERO, false, candidate.createdAt(), 0, 0);
            TrailEntry placedEntry = Places.registered(placed, actor);
            TrailEntry waitingEntry = Places.registered(waiting, actor);
            ItemTrail.Told placedTold = told(placed, placedEntry);
            if (placedTold != null && placed.holdExpiresAt() != null) {
                placedTold.fields().put("holdExpiresAt", HOLD_MARK);
            }
            Map<String, @Nullable Object> v =
                    db.params(candidate.tenant(), candidate.id().value());
            ItemTrail.putEvent(v, "p_", placedEntry, placedTold);
            ItemTrail.putEvent(v, "w_", waitingEntry, told(waiting, waitingEntry));
            v.put("p_status", placed.status().name());
            v.put("w_status", waiting.status().name());
            v.put("hold_mark", "\"holdExpiresAt\":\"" + HOLD_MARK + "\"");
            String iso = candidate.createdAt().toString(); // yyyy-MM-ddTHH:mm:ss[.fraction]Z
            v.put("created_epoch", Long.toString(candidate.createdAt().getEpochSecond()));
            v.put("created_fraction", iso.substring(iso.indexOf('T') + 9));
            v.put("session", candidate.session().value());
            v.put("participant", candidate.participant().toString());
            v.put(
                    "registered_by",
                    candidate.registeredBy() == null
                            ? null
                            : candidate.registeredBy().toString());
            v.put("price", Long.toString(candidate.priceCents()));
            v.put("payment_reference", candidate.paymentReference());
            v.put("created_at", candidate.createdAt());
            try (PreparedStatement ps = REGISTER.prepare(c, v);
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (!rs.getBoolean("declared")) {
                    throw new ValidationException("session", candidate.session(), "is not declared");
                }
                UUID already = rs.getObject("already", UUID.class);
                if (already != null) {
                    return new Outcome.AlreadyRegistered(new RegistrationId(already));
                }
                int limit = rs.getInt("session_limit");
                if (rs.getLong("active") >= limit) {
                    return new Outcome.PersonLimitReached(limit);
                }
                Duration hold = Duration.ofSeconds(rs.getLong("hold_seconds"));
                long position = rs.getLong("placed");
                boolean place = !rs.wasNull();
                if (!place) {
                    position = rs.getLong("waiting");
                }
                return new Outcome.Registered(
                        Places.placed(candidate, hold, place, candidate.createdAt(), position, 0));
            } catch (SQLException e) {
                if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    // The unique index, a backstop behind the lock: the statement wrote nothing.
                    throw new Duplicate();
                }
                throw e;
            }
        });
    }

    @Override
    public UpdateResult<Registration> update(Registration previous, Registration next, TrailEntry entry) {
        int places = next.status().takesPlace() == previous.status().takesPlace()
                ? 0
                : next.status().takesPlace() ? 1 : -1;
        Map<String, @Nullable Object> v = db.params(entry, told(next, entry));
        v.put("session", previous.session().value());
        v.put("places", places);
        v.put("status", next.status().name());
        v.put("hold_expires_at", next.holdExpiresAt());
        v.put("payment_reference", next.paymentReference());
        v.put("version", next.version());
        v.put("updated_at", next.updatedAt());
        v.put("expected", previous.version());
        if (places >= 0) {
            // Nothing to give to the waiting list: the change alone, in autocommit.
            try {
                return db.once(
                        "registration update",
                        c -> updateOne(c, v)
                                ? new UpdateResult.Updated<>(next, List.<Registration>of())
                                : new UpdateResult.Stale<Registration>());
            } catch (PlaceTaken full) {
                return new UpdateResult.PlaceTaken<>();
            }
        }
        // A place freed goes to the first person waiting: one call of V13's function, one round trip.
        Instant at = entry.at();
        String iso = at.toString(); // yyyy-MM-ddTHH:mm:ss[.fraction]Z
        v.put("q_at_text", iso);
        v.put("q_at_epoch", Long.toString(at.getEpochSecond()));
        v.put("q_at_fraction", iso.substring(iso.indexOf('T') + 9));
        v.put("q_actor", Places.WAITING_LIST.toString());
        // The promotion's kind and type per status, from RegistrationEvent's table.
        RegistrationEvent offer = promotionEvent(previous.next(RegistrationStatus.AWAITING_PAYMENT, at, null, at));
        RegistrationEvent confirm = promotionEvent(previous.next(RegistrationStatus.CONFIRMED, null, null, at));
        v.put("q_offer_kind", offer.kind().name());
        v.put("q_offer_type", offer.type());
        v.put("q_confirm_kind", confirm.kind().name());
        v.put("q_confirm_type", confirm.type());
        return db.once("registration update", c -> {
            try (PreparedStatement ps = FREE.prepare(c, v);
                    ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return new UpdateResult.Stale<Registration>();
                }
                List<Registration> promoted = new ArrayList<>();
                if (rs.getObject("id") != null) {
                    promoted.add(row(rs));
                }
                return new UpdateResult.Updated<>(next, promoted);
            }
        });
    }

    private static RegistrationEvent promotionEvent(Registration promoted) {
        return RegistrationEvent.of(promoted, Places.promoted(promoted, promoted.updatedAt()))
                .orElseThrow(() -> new IllegalStateException("a promotion to " + promoted.status() + " is told"));
    }

    /**
     * The registration's change ({@link #UPDATE}): false when its version is stale.
     *
     * @throws PlaceTaken when it takes a place and the session is full (its CHECK refused it: nothing written)
     */
    private static boolean updateOne(Connection c, Map<String, @Nullable Object> v) throws SQLException {
        try (PreparedStatement ps = UPDATE.prepare(c, v);
                ResultSet rs = ps.executeQuery()) {
            return rs.next();
        } catch (SQLException e) {
            if (CHECK_VIOLATION.equals(e.getSQLState())
                    && e.getMessage() != null
                    && e.getMessage().contains("\"" + CAPACITY + "\"")) {
                throw new PlaceTaken();
            }
            throw e;
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

    /**
     * Gives a free place to the first person waiting, if any; the caller holds the session row. The
     * session's place, the promoted registration and its event are one statement ({@link #PROMOTE}).
     *
     * @param known the session when the caller has it, else read here if someone waits
     */
    private Optional<Registration> promoteFirst(
            Connection c, TenantId tenant, SessionId session, @Nullable EventSession known, Instant at)
            throws SQLException {
        EventSession s = known;
        while (true) {
            Registration first;
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM scheduling_registration"
                    + " WHERE tenant_id = ? AND session_id = ? AND status = 'WAITING' ORDER BY position LIMIT 1")) {
                ps.setString(1, tenant.value());
                ps.setString(2, session.value());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    first = row(rs);
                }
            }
            if (s == null) {
                s = session(c, tenant, session).orElseThrow();
            }
            Registration p = Places.placed(first, s, true, at, first.position(), first.version() + 1);
            TrailEntry promoted = Places.promoted(p, at);
            Map<String, @Nullable Object> v = db.params(promoted, told(p, promoted));
            v.put("session", session.value());
            v.put("status", p.status().name());
            v.put("hold_expires_at", p.holdExpiresAt());
            v.put("version", p.version());
            v.put("expected", first.version());
            try (PreparedStatement ps = PROMOTE.prepare(c, v);
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (!rs.getBoolean("placed")) {
                    return Optional.empty(); // the session is full
                }
                if (rs.getBoolean("promoted")) {
                    return Optional.of(p);
                }
            }
            // Cancelled meanwhile: give the place back and try the next one.
            try (PreparedStatement back = c.prepareStatement(
                    "UPDATE scheduling_event_session SET taken = taken - 1 WHERE tenant_id = ? AND id = ?")) {
                back.setString(1, tenant.value());
                back.setString(2, session.value());
                back.executeUpdate();
            }
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
