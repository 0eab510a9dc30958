package org.opengru.scheduling.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.opengru.core.error.ConcurrentUpdateException;
import org.opengru.core.error.NotFoundException;
import org.opengru.core.id.EventId;
import org.opengru.core.id.UsagerId;
import org.opengru.core.idempotency.IdempotencyKey;
import org.opengru.core.jdbc.DataAccessException;
import org.opengru.core.principal.ActorRef;
import org.opengru.core.tenancy.TenantId;
import org.opengru.scheduling.booking.AuditCheck;
import org.opengru.scheduling.booking.AuditEntry;
import org.opengru.scheduling.booking.Booking;
import org.opengru.scheduling.booking.BookingAction;
import org.opengru.scheduling.booking.BookingEvent;
import org.opengru.scheduling.booking.BookingId;
import org.opengru.scheduling.booking.BookingLifecycle;
import org.opengru.scheduling.booking.BookingRejectedException;
import org.opengru.scheduling.booking.BookingStatus;
import org.opengru.scheduling.booking.BookingStore;
import org.opengru.scheduling.booking.Change;
import org.opengru.scheduling.booking.InsertOutcome;
import org.opengru.scheduling.booking.NewBooking;
import org.opengru.scheduling.hours.Interval;
import org.opengru.scheduling.model.AntsPreApplicationNumber;
import org.opengru.scheduling.model.ResourceId;
import org.opengru.scheduling.model.ServiceId;
import org.opengru.scheduling.model.SiteId;

/**
 * The PostgreSQL store, in plain JDBC. The database itself refuses a double booking: an exclusion
 * constraint (btree_gist) forbids two desk-occupying rows of one desk with overlapping {@code tstzrange},
 * a partial unique index forbids a second booked appointment per usager and service, and a trigger
 * (V6, under a per-person lock) a hold beyond the service's number per usager. Each change is
 * ONE statement (data-modifying CTEs write the booking row and its one event in the booking's log), so two
 * rows, one round trip and one transaction. When that finds no free desk or loses a race (a concurrent booking
 * took the desk it chose), a second statement with a fresh view expires overdue holds in the way and tries
 * again (another desk may be free): at most two round trips. Conflict codes 23P01, 23505, 40001 and
 * 40P01 all end as {@link InsertOutcome.SlotTaken}, except the two unique indexes that mean something
 * else (active booking, idempotent replay).
 *
 * <p>The log ({@code scheduling_booking_event}, V8) records each change once: the audit trail is read from
 * it, and each event is hash-chained to the one before ({@link BookingEventHashes}). PostgreSQL computes the
 * hash inside the statement from the head of the chain kept on the booking row ({@code audit_head}), which
 * the statement locks first, so no read comes before the write. The agent's note (the detail) is chained
 * by its digest, so erasing it leaves the chain verifiable ({@link #verifyAudit}).
 *
 * <p>gru-core's outbox relay delivers the events to the webhook subscribers from the log itself, with a
 * cursor per subscriber and booking ({@link SchedulingSchema#bookingEventLog()}, plugged into {@code
 * PostgresPersistence.Builder#eventLog}): nothing is copied into {@code gru_outbox} (docs/persistence.md,
 * "Bookings").
 */
public final class PostgresBookingStore implements BookingStore {

    private static final String ACTIVE_INDEX = "scheduling_booking_one_active";
    /** The trigger of V6 that refuses a hold beyond the person's cap for the service. */
    private static final String HOLD_LIMIT = "scheduling_booking_hold_limit";

    private static final String IDEMPOTENCY_INDEX = "scheduling_booking_idempotency";
    private static final String COLUMNS =
            "tenant_id, id, site_id, service_id, resource_id, usager_id, people, starts_at,"
                    + " ends_at, busy_start, busy_end, status, hold_expires_at, ants_number, cancel_reason, sequence, idempotency_key,"
                    + " cancel_token_hash, created_at, updated_at, hold_limit";
    /** One event of the booking's log (V8): the audit trail, hash-chained, and the webhook event. */
    private static final String EVENT =
            "INSERT INTO scheduling_booking_event (tenant_id, booking_id, position, event_id, action, kind, actor,"
                    + " occurred_at, from_status, to_status, service_id, resource_id, starts_at, detail_sha256, detail,"
                    + " previous_hash, hash) ";
    /**
     * Serialises the writers of the chosen desk, before they write: without it, two transactions inserting
     * overlapping rows on one desk each find the other's uncommitted row in the exclusion check and wait
     * for each other, a deadlock PostgreSQL breaks only after deadlock_timeout. One lock per statement, so
     * no lock cycle; held until the statement's commit. Bookings of other desks do not wait.
     */
    private static final String LOCK_DESKS = """
            locked AS (
                SELECT c.*, pg_advisory_xact_lock(hashtextextended(:tenant || '|' || c.desk, 0)) AS lock
                  FROM chosen c)""";
    // The desk lists carry no ORDER BY: the executor scans unnest() in array order and stops at the first
    // free desk, so the preferred desk is tried first without probing the others. Correctness does not
    // depend on that order (the constraint decides), only the preference does.

    /** Occupies its desk now: booked, or held and not yet expired. */
    private static final String OCCUPYING =
            "(x.status = 'BOOKED' OR (x.status = 'HELD' AND x.hold_expires_at > p.now))";

    /**
     * The creation's event hash (position 0 after the genesis) once the desk is chosen: {@code l.hash}, the
     * hash the store computed in Java for that desk ({@code :hashes}, in the order of {@code :desks}). A
     * creation reads nothing to chain to (the genesis), so every candidate's hash is known before the
     * statement runs; the statement carries no SQL hash expression, which PostgreSQL would prepare at each
     * execution whether taken or not (docs/persistence.md, "Where a booking's cost goes").
     */
    private static final String CREATED_HASH = "l.hash";
    /** The creation's event, from the inserted row {@code i}. */
    private static final String CREATED_EVENT = EVENT
            + "SELECT i.tenant_id, i.id, 0, :event_id::uuid, 'insert', :kind, :actor, i.created_at, NULL, i.status,"
            + " i.service_id, i.resource_id, i.starts_at, :detail_sha256, :reason, :genesis, i.audit_head"
            + " FROM ins i";

    /**
     * Expires overdue holds (rows of {@code scheduling_booking b} chosen by the {@code WHERE} that follows),
     * locking them first so that each event chains to the head it read ({@code FOR UPDATE} waits for a
     * concurrent writer, then reads its version; a hold confirmed meanwhile no longer matches).
     */
    private static final String EXPIRING =
            "SELECT b.tenant_id, b.id, b.sequence, coalesce(b.audit_head, :genesis) AS previous_hash,"
                    + " gen_random_uuid() AS event_id FROM scheduling_booking b";
    /** The expiry itself, over {@code expiring x}, with {@code %1$s} the actor and {@code %2$s} the time. */
    private static final String EXPIRED = """
            UPDATE scheduling_booking b
               SET status = 'EXPIRED', hold_expires_at = NULL, sequence = b.sequence + 1, updated_at = %2$s,
                   audit_head = scheduling_booking_event_hash(b.tenant_id, b.id, b.sequence + 1, x.event_id,
                       'expire_hold', 'HOLD_EXPIRED', %1$s, %2$s, 'HELD', 'EXPIRED', b.service_id, b.resource_id,
                       b.starts_at, NULL, x.previous_hash)
              FROM expiring x
             WHERE b.tenant_id = x.tenant_id AND b.id = x.id AND b.sequence = x.sequence
            RETURNING b.*, x.event_id, x.previous_hash""";
    /** The expiries' events, with {@code %1$s} the actor. */
    private static final String EXPIRED_EVENTS = EVENT
            + "SELECT e.tenant_id, e.id, e.sequence, e.event_id, 'expire_hold', 'HOLD_EXPIRED', %1$s, e.updated_at,"
            + " 'HELD', e.status, e.service_id, e.resource_id, e.starts_at, NULL, NULL, e.previous_hash, e.audit_head"
            + " FROM expired e RETURNING *";

    private static final NamedSql INSERT = new NamedSql("""
            WITH p AS (
                SELECT :tenant::text AS tenant, :now::timestamptz AS now, :desks::text[] AS desks,
                       :hashes::text[] AS hashes, tstzrange(:busy_start::timestamptz, :busy_end::timestamptz, '[)') AS busy),
            expiring AS (
                %5$s, p
                 WHERE b.tenant_id = p.tenant AND b.status = 'HELD' AND b.hold_expires_at <= p.now
                   AND b.resource_id = ANY (p.desks) AND tstzrange(b.busy_start, b.busy_end, '[)') && p.busy
                   FOR UPDATE OF b),
            expired AS (%6$s),
            expired_ev AS (%7$s),
            chosen AS (
                -- The scalar subquery runs the expiry first, so an expired hold no longer blocks the insert.
                SELECT d.desk, d.hash FROM p CROSS JOIN LATERAL unnest(p.desks, p.hashes) AS d(desk, hash)
                 WHERE (SELECT count(*) FROM expired_ev) >= 0
                   AND NOT EXISTS (SELECT 1 FROM scheduling_booking x
                                    WHERE x.tenant_id = p.tenant AND x.resource_id = d.desk AND tstzrange(x.busy_start, x.busy_end, '[)') && p.busy AND %2$s)
                 LIMIT 1),
            %4$s,
            ins AS (
                INSERT INTO scheduling_booking (%3$s, audit_head)
                SELECT p.tenant, :id::uuid, :site, :service, l.desk, :usager::uuid, :people, :start::timestamptz,
                       :end::timestamptz, lower(p.busy), upper(p.busy), :status, :hold_expires_at::timestamptz, :ants, NULL, 0, :idem,
                       :token_hash, p.now, p.now, :hold_limit::smallint, %8$s
                  FROM p CROSS JOIN locked l
                RETURNING *),
            ev AS (%1$s)
            SELECT * FROM ins
            """.formatted(
                    CREATED_EVENT,
                    OCCUPYING,
                    COLUMNS,
                    LOCK_DESKS,
                    EXPIRING,
                    EXPIRED.formatted("'system:hold-reaper'", ":now::timestamptz"),
                    EXPIRED_EVENTS.formatted("'system:hold-reaper'"),
                    CREATED_HASH));

    /**
     * The usual path: no expired hold in the way. Treats every hold as occupying, like the constraint;
     * when it finds no desk, {@link #INSERT} (which first expires overdue holds) gets the second try.
     * Two rows: the booking and its event.
     */
    private static final NamedSql INSERT_FAST =
            new NamedSql("""
            WITH chosen AS (
                SELECT d.desk, d.hash FROM unnest(:desks::text[], :hashes::text[]) AS d(desk, hash)
                 WHERE NOT EXISTS (SELECT 1 FROM scheduling_booking x
                                    WHERE x.tenant_id = :tenant AND x.resource_id = d.desk
                                      AND tstzrange(x.busy_start, x.busy_end, '[)') && tstzrange(:busy_start::timestamptz, :busy_end::timestamptz, '[)')
                                      AND x.status IN ('HELD', 'BOOKED'))
                 LIMIT 1),
            %4$s,
            ins AS (
                INSERT INTO scheduling_booking (%3$s, audit_head)
                SELECT :tenant, :id::uuid, :site, :service, l.desk, :usager::uuid, :people, :start::timestamptz,
                       :end::timestamptz, :busy_start::timestamptz, :busy_end::timestamptz, :status,
                       :hold_expires_at::timestamptz, :ants, NULL, 0, :idem, :token_hash, :now::timestamptz,
                       :now::timestamptz, :hold_limit::smallint, %2$s
                  FROM locked l
                RETURNING *),
            ev AS (%1$s)
            SELECT * FROM ins
            """.formatted(CREATED_EVENT, CREATED_HASH, COLUMNS, LOCK_DESKS));

    /**
     * A change of status: the booking row is locked first ({@code cur}: it waits for a concurrent writer,
     * then reads the latest version), so that the new event chains to the head it read; the update and its
     * event follow in the same statement.
     */
    private static final NamedSql APPLY = new NamedSql("""
            WITH cur AS (
                SELECT b.sequence, coalesce(b.audit_head, :genesis) AS previous_hash FROM scheduling_booking b
                 WHERE b.tenant_id = :tenant AND b.id = :id::uuid AND b.status = :expected
                   AND (NOT :need_unexpired OR b.hold_expires_at > :now::timestamptz)
                   FOR UPDATE),
            upd AS (
                UPDATE scheduling_booking b
                   SET status = :to, hold_expires_at = CASE WHEN :to = 'HELD' THEN b.hold_expires_at END,
                       cancel_reason = COALESCE(:reason, b.cancel_reason), sequence = b.sequence + 1,
                       updated_at = :now::timestamptz,
                       audit_head = scheduling_booking_event_hash(b.tenant_id, b.id, b.sequence + 1, :event_id::uuid,
                           :action, :kind, :actor, :now::timestamptz, :expected, :to, b.service_id, b.resource_id,
                           b.starts_at, scheduling_digest(:reason), c.previous_hash)
                  FROM cur c
                 WHERE b.tenant_id = :tenant AND b.id = :id::uuid AND b.sequence = c.sequence
                RETURNING b.*, c.previous_hash),
            ev AS (%1$s SELECT u.tenant_id, u.id, u.sequence, :event_id::uuid, :action, :kind, :actor, u.updated_at,
                       :expected, u.status, u.service_id, u.resource_id, u.starts_at, scheduling_digest(:reason), :reason,
                       u.previous_hash, u.audit_head FROM upd u)
            SELECT * FROM upd
            """.formatted(EVENT));

    private static final NamedSql MOVE = new NamedSql("""
            WITH p AS (
                SELECT :tenant::text AS tenant, :now::timestamptz AS now, :desks::text[] AS desks, :id::uuid AS id,
                       tstzrange(:busy_start::timestamptz, :busy_end::timestamptz, '[)') AS busy),
            cur AS (
                SELECT b.sequence, coalesce(b.audit_head, :genesis) AS previous_hash
                  FROM scheduling_booking b, p
                 WHERE b.tenant_id = p.tenant AND b.id = p.id AND b.sequence = :expected_sequence AND b.status = 'BOOKED'
                   FOR UPDATE OF b),
            chosen AS (
                SELECT d.desk FROM p CROSS JOIN LATERAL unnest(p.desks) WITH ORDINALITY AS d(desk, ord)
                 WHERE NOT EXISTS (SELECT 1 FROM scheduling_booking x
                                    WHERE x.tenant_id = p.tenant AND x.resource_id = d.desk AND tstzrange(x.busy_start, x.busy_end, '[)') && p.busy
                                      AND x.id <> p.id AND %2$s)
                 LIMIT 1),
            %3$s,
            upd AS (
                UPDATE scheduling_booking b
                   SET resource_id = c.desk, starts_at = :start::timestamptz, ends_at = :end::timestamptz,
                       busy_start = lower(p.busy), busy_end = upper(p.busy),
                       sequence = b.sequence + 1, updated_at = p.now,
                       audit_head = scheduling_booking_event_hash(b.tenant_id, b.id, b.sequence + 1, :event_id::uuid,
                           'reschedule', 'RESCHEDULED', :actor, p.now, 'BOOKED', 'BOOKED', b.service_id, c.desk,
                           :start::timestamptz, NULL, o.previous_hash)
                  FROM p, locked c, cur o
                 WHERE b.tenant_id = p.tenant AND b.id = p.id AND b.sequence = o.sequence
                RETURNING b.*, o.previous_hash),
            ev AS (%1$s SELECT u.tenant_id, u.id, u.sequence, :event_id::uuid, 'reschedule', 'RESCHEDULED', :actor,
                       u.updated_at, 'BOOKED', u.status, u.service_id, u.resource_id, u.starts_at, NULL, NULL,
                       u.previous_hash, u.audit_head FROM upd u)
            SELECT * FROM upd
            """.formatted(EVENT, OCCUPYING, LOCK_DESKS));

    private static final NamedSql EXPIRE = new NamedSql("""
            WITH expiring AS (
                %1$s
                 WHERE b.tenant_id = :tenant AND b.status = 'HELD' AND b.hold_expires_at <= :now::timestamptz
                   FOR UPDATE),
            expired AS (%2$s),
            ev AS (%3$s)
            SELECT * FROM expired
            """.formatted(
                    EXPIRING, EXPIRED.formatted(":actor", ":now::timestamptz"), EXPIRED_EVENTS.formatted(":actor")));

    private static final NamedSql BUSY = new NamedSql("""
            SELECT x.resource_id, x.busy_start, x.busy_end
              FROM scheduling_booking x, (SELECT :now::timestamptz AS now) p
             WHERE x.tenant_id = :tenant AND x.resource_id = ANY (:desks::text[])
               AND tstzrange(x.busy_start, x.busy_end, '[)') && tstzrange(:from::timestamptz, :to::timestamptz, '[)') AND %s
             ORDER BY x.resource_id, x.busy_start
            """.formatted(OCCUPYING));

    private final DataSource dataSource;
    private final String[] subscribers;

    /**
     * A store over the database migrated by {@link SchedulingSchema}.
     *
     * @param dataSource a pooled data source over a database where gru-core's migrations ran first, then
     *     {@link SchedulingSchema#migrate}
     * @param subscribers the outbox subscribers, the same set as gru-core's {@code outboxSubscribers}: the
     *     relay delivers every event to each of them from the log (whatever this set says); here they are
     *     whose deliveries {@link #unpublished} reports (the first) and {@link #markPublished} records
     */
    public PostgresBookingStore(DataSource dataSource, Set<String> subscribers) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(subscribers, "subscribers");
        for (String sub : subscribers) {
            if (sub == null || sub.isBlank() || sub.length() > 64) {
                throw new IllegalArgumentException("outbox subscriber must be 1-64 characters: " + sub);
            }
        }
        this.subscribers = new TreeSet<>(subscribers).toArray(String[]::new);
    }

    // ------------------------------------------------------------------ writes

    @Override
    public InsertOutcome insert(NewBooking nb, Change change) {
        Map<String, @Nullable Object> v = NamedSql.params();
        v.put("tenant", nb.tenant().value());
        // Times as PostgreSQL stores them (microseconds), so that the hashes computed here are the ones it
        // verifies. Truncated here, all four alike, so that their order (the table's checks) is kept.
        Instant now = micros(change.at());
        Instant start = micros(nb.start());
        v.put("now", now);
        v.put("desks", desks(nb.desks()));
        v.put("busy_start", micros(nb.busyStart()));
        v.put("busy_end", micros(nb.busyEnd()));
        v.put("id", nb.id().toString());
        v.put("site", nb.site().value());
        v.put("service", nb.service().value());
        v.put("usager", nb.usager().toString());
        v.put("people", nb.people());
        v.put("start", start);
        v.put("end", micros(nb.end()));
        v.put("status", nb.status().name());
        v.put("hold_expires_at", nb.holdExpiresAt());
        v.put("ants", nb.antsNumber() == null ? null : nb.antsNumber().value());
        v.put("idem", nb.idempotencyKey() == null ? null : nb.idempotencyKey().value());
        v.put("token_hash", nb.cancelTokenHash());
        v.put("actor", change.actor().toString());
        v.put("reason", change.reason());
        v.put("event_id", change.eventId().toString());
        v.put("kind", nb.status() == BookingStatus.HELD ? "HELD" : "BOOKED");
        v.put("hold_limit", nb.status() == BookingStatus.HELD ? nb.maxHolds() : null);
        v.put("genesis", BookingEventHashes.GENESIS);
        @Nullable String detailSha256 = change.reason() == null ? null : BookingEventHashes.digest(change.reason());
        v.put("detail_sha256", detailSha256);
        v.put("hashes", creationHashes(nb, change, now, start, detailSha256));
        for (int attempt = 1; ; attempt++) {
            try {
                // First try: the short statement. Second (only if it found no desk or lost a race): the
                // statement that also expires overdue holds, with a fresh view of the desks.
                Optional<Booking> inserted = one(attempt == 1 ? INSERT_FAST : INSERT, v);
                if (inserted.isPresent()) {
                    return new InsertOutcome.Inserted(inserted.get());
                }
                if (attempt == 2) {
                    return new InsertOutcome.SlotTaken();
                }
                continue;
            } catch (SQLException e) {
                if (isHoldLimit(e)) {
                    return new InsertOutcome.HoldLimitReached(nb.maxHolds());
                }
                String violated = violatedIndex(e);
                if (ACTIVE_INDEX.equals(violated)) {
                    return new InsertOutcome.ActiveBookingExists(activeBooking(nb.tenant(), nb.usager(), nb.service()));
                }
                if (IDEMPOTENCY_INDEX.equals(violated) && nb.idempotencyKey() != null) {
                    Optional<Booking> first = findByIdempotencyKey(nb.tenant(), nb.idempotencyKey());
                    if (first.isPresent()) {
                        return new InsertOutcome.Replayed(first.get());
                    }
                }
                if (!isConflict(e) || (attempt == 2 && DataAccessException.isTransient(e))) {
                    // A deadlock or serialization failure twice in a row is not a taken slot: retry later.
                    throw DataAccessException.translate("booking insert", e);
                }
                if (attempt == 2) {
                    return new InsertOutcome.SlotTaken();
                }
                // A concurrent booking took the desk we chose: look again once, another desk may be free.
            }
        }
    }

    /**
     * The creation event's hash for each candidate desk, in the order of {@code nb.desks()}: the statement
     * keeps the one of the desk it takes.
     */
    private static String[] creationHashes(
            NewBooking nb, Change change, Instant now, Instant start, @Nullable String detailSha256) {
        String kind = nb.status() == BookingStatus.HELD ? "HELD" : "BOOKED";
        String[] out = new String[nb.desks().size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = BookingEventHashes.hash(
                    nb.tenant().value(),
                    nb.id().value(),
                    0,
                    change.eventId().value(),
                    "insert",
                    kind,
                    change.actor().toString(),
                    now,
                    null,
                    nb.status().name(),
                    nb.service().value(),
                    nb.desks().get(i).value(),
                    start,
                    detailSha256,
                    BookingEventHashes.GENESIS);
        }
        return out;
    }

    private static Instant micros(Instant t) {
        return t.truncatedTo(ChronoUnit.MICROS);
    }

    @Override
    public Booking apply(TenantId tenant, BookingId id, BookingStatus expected, BookingAction action, Change change) {
        BookingStatus next =
                BookingLifecycle.require(id, expected, action, change.actor().toString());
        Map<String, @Nullable Object> v = NamedSql.params();
        v.put("to", next.name());
        v.put("reason", change.reason());
        v.put("now", change.at());
        v.put("tenant", tenant.value());
        v.put("id", id.toString());
        v.put("expected", expected.name());
        v.put("need_unexpired", action == BookingAction.CONFIRM_HOLD);
        v.put("action", action.name().toLowerCase(Locale.ROOT));
        v.put("actor", change.actor().toString());
        v.put("event_id", change.eventId().toString());
        v.put("kind", BookingEvent.kindFor(action).name());
        v.put("genesis", BookingEventHashes.GENESIS);
        try {
            Optional<Booking> changed = one(APPLY, v);
            if (changed.isPresent()) {
                return changed.get();
            }
        } catch (SQLException e) {
            if (ACTIVE_INDEX.equals(violatedIndex(e))) {
                Booking b = find(tenant, id).orElseThrow(() -> new NotFoundException("booking", id.toString()));
                throw new BookingRejectedException(
                        BookingRejectedException.Reason.ACTIVE_BOOKING_EXISTS,
                        "usager",
                        b.usager(),
                        "already has booking " + activeBooking(tenant, b.usager(), b.service()) + " for service "
                                + b.service());
            }
            if (isConflict(e) && !DataAccessException.isTransient(e)) {
                Booking now = find(tenant, id).orElseThrow(() -> new NotFoundException("booking", id.toString()));
                throw new ConcurrentUpdateException(
                        "booking",
                        id.toString(),
                        expected.ordinal(),
                        now.status().ordinal());
            }
            throw DataAccessException.translate("booking update", e);
        }
        Booking now = find(tenant, id).orElseThrow(() -> new NotFoundException("booking", id.toString()));
        if (now.status() != expected) {
            throw BookingLifecycle.refused(
                    id, expected, now.status(), action, change.actor().toString());
        }
        // Still HELD, so the statement found the hold expired: it can never be confirmed.
        throw BookingRejectedException.holdExpired(now);
    }

    @Override
    public InsertOutcome move(
            TenantId tenant,
            BookingId id,
            int expectedSequence,
            List<ResourceId> desks,
            Interval appointment,
            Interval busy,
            Change change) {
        Map<String, @Nullable Object> v = NamedSql.params();
        v.put("tenant", tenant.value());
        v.put("now", change.at());
        v.put("desks", desks(desks));
        v.put("id", id.toString());
        v.put("busy_start", busy.start());
        v.put("busy_end", busy.end());
        v.put("start", appointment.start());
        v.put("end", appointment.end());
        v.put("expected_sequence", expectedSequence);
        v.put("actor", change.actor().toString());
        v.put("event_id", change.eventId().toString());
        v.put("genesis", BookingEventHashes.GENESIS);
        for (int attempt = 1; ; attempt++) {
            try {
                Optional<Booking> moved = one(MOVE, v);
                if (moved.isPresent()) {
                    return new InsertOutcome.Inserted(moved.get());
                }
                Booking now = find(tenant, id).orElseThrow(() -> new NotFoundException("booking", id.toString()));
                BookingLifecycle.checkMove(now, expectedSequence, change.actor().toString());
                return new InsertOutcome.SlotTaken();
            } catch (SQLException e) {
                if (!isConflict(e) || (attempt == 2 && DataAccessException.isTransient(e))) {
                    throw DataAccessException.translate("booking move", e);
                }
                if (attempt == 2) {
                    return new InsertOutcome.SlotTaken();
                }
            }
        }
    }

    @Override
    public List<Booking> expireHolds(TenantId tenant, Instant now, Change change) {
        Map<String, @Nullable Object> v = NamedSql.params();
        v.put("tenant", tenant.value());
        v.put("now", now);
        v.put("actor", change.actor().toString());
        v.put("genesis", BookingEventHashes.GENESIS);
        try {
            return all(EXPIRE, v);
        } catch (SQLException e) {
            throw DataAccessException.translate("expiring holds", e);
        }
    }

    // ------------------------------------------------------------------ reads

    @Override
    public Optional<Booking> find(TenantId tenant, BookingId id) {
        return query(
                        "SELECT * FROM scheduling_booking WHERE tenant_id = ? AND id = ?::uuid",
                        tenant.value(),
                        id.toString())
                .stream()
                .findFirst();
    }

    @Override
    public Optional<Booking> findByIdempotencyKey(TenantId tenant, IdempotencyKey key) {
        return query(
                        "SELECT * FROM scheduling_booking WHERE tenant_id = ? AND idempotency_key = ?",
                        tenant.value(),
                        key.value())
                .stream()
                .findFirst();
    }

    @Override
    public Map<ResourceId, List<Interval>> busy(
            TenantId tenant, Collection<ResourceId> desks, Instant from, Instant to, Instant now) {
        Map<String, @Nullable Object> v = NamedSql.params();
        v.put("tenant", tenant.value());
        v.put("desks", desks(desks));
        v.put("from", from);
        v.put("to", to);
        v.put("now", now);
        Map<ResourceId, List<Interval>> out = new HashMap<>();
        try (Connection c = connection();
                PreparedStatement ps = BUSY.prepare(c, v);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.computeIfAbsent(ResourceId.of(rs.getString(1)), k -> new ArrayList<>())
                        .add(new Interval(instant(rs, "busy_start"), instant(rs, "busy_end")));
            }
        } catch (SQLException e) {
            throw DataAccessException.translate("reading busy time", e);
        }
        return out;
    }

    @Override
    public List<Booking> startingBetween(TenantId tenant, Instant from, Instant to) {
        return query(
                "SELECT * FROM scheduling_booking WHERE tenant_id = ? AND starts_at >= ? AND starts_at < ? ORDER BY starts_at, id",
                tenant.value(),
                from,
                to);
    }

    @Override
    public List<Booking> ofUsager(TenantId tenant, UsagerId usager) {
        return query(
                "SELECT * FROM scheduling_booking WHERE tenant_id = ? AND usager_id = ?::uuid ORDER BY created_at DESC, id DESC",
                tenant.value(),
                usager.toString());
    }

    @Override
    public int anonymiseUsager(TenantId tenant, UsagerId usager, Instant now) {
        try (Connection c = connection();
                // The trail keeps what happened, not the notes written about the person (its detail).
                PreparedStatement ps = c.prepareStatement("WITH detached AS (UPDATE scheduling_booking"
                        + " SET usager_id = gen_random_uuid(), ants_number = NULL, idempotency_key = NULL,"
                        + " cancel_reason = NULL, updated_at = ? WHERE tenant_id = ? AND usager_id = ?::uuid"
                        + " AND status <> 'HELD' AND NOT (status = 'BOOKED' AND starts_at > ?) RETURNING id),"
                        // The log lets only the detail go (its digest stays chained: the chain still verifies).
                        + " cleared AS (UPDATE scheduling_booking_event e SET detail = NULL FROM detached d"
                        + " WHERE e.tenant_id = ? AND e.booking_id = d.id AND e.detail IS NOT NULL),"
                        // The relay's cursors and dead letters stay (a cursor dropped would send the booking's
                        // events again from the first at its next change); what receivers answered goes.
                        + " cursors AS (UPDATE scheduling_booking_delivery x SET last_error = NULL FROM detached d"
                        + " WHERE x.tenant_id = ? AND x.booking_id = d.id AND x.last_error IS NOT NULL),"
                        + " letters AS (UPDATE scheduling_booking_dead_letter x SET last_error = NULL FROM detached d"
                        + " WHERE x.tenant_id = ? AND x.booking_id = d.id AND x.last_error IS NOT NULL)"
                        + " SELECT count(*) FROM detached")) {
            OffsetDateTime at = OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC);
            ps.setObject(1, at);
            ps.setString(2, tenant.value());
            ps.setString(3, usager.toString());
            ps.setObject(4, at);
            ps.setString(5, tenant.value());
            ps.setString(6, tenant.value());
            ps.setString(7, tenant.value());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw DataAccessException.translate("anonymising the bookings of an usager", e);
        }
    }

    @Override
    public int noShowCount(TenantId tenant, UsagerId usager) {
        try (Connection c = connection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT count(*) FROM scheduling_booking WHERE tenant_id = ? AND usager_id = ?::uuid AND status = 'NO_SHOW'")) {
            ps.setString(1, tenant.value());
            ps.setString(2, usager.toString());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw DataAccessException.translate("counting no-shows", e);
        }
    }

    @Override
    public List<AuditEntry> audit(TenantId tenant, BookingId id) {
        List<AuditEntry> out = new ArrayList<>();
        try (Connection c = connection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT action, actor, occurred_at, from_status, to_status, detail FROM scheduling_booking_event"
                                + " WHERE tenant_id = ? AND booking_id = ?::uuid ORDER BY position")) {
            ps.setString(1, tenant.value());
            ps.setString(2, id.toString());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String from = rs.getString("from_status");
                    out.add(new AuditEntry(
                            id,
                            rs.getString("action"),
                            ActorRef.parse(rs.getString("actor")),
                            instant(rs, "occurred_at"),
                            from == null ? null : BookingStatus.valueOf(from),
                            BookingStatus.valueOf(rs.getString("to_status")),
                            rs.getString("detail")));
                }
            }
        } catch (SQLException e) {
            throw DataAccessException.translate("reading the audit trail", e);
        }
        return out;
    }

    /**
     * The booking row (its sequence and the head of its chain) and its whole log, read by one statement
     * (one snapshot), then every link re-computed here ({@link BookingEventHashes}): an edited, swapped,
     * deleted or added event, a truncated or deleted log, or a detail off its digest shows.
     */
    @Override
    public AuditCheck verifyAudit(TenantId tenant, BookingId id) {
        try (Connection c = connection();
                PreparedStatement ps =
                        c.prepareStatement("SELECT b.sequence, b.audit_head, e.* FROM scheduling_booking b"
                                + " LEFT JOIN scheduling_booking_event e ON e.tenant_id = b.tenant_id AND e.booking_id = b.id"
                                + " WHERE b.tenant_id = ? AND b.id = ?::uuid ORDER BY e.position")) {
            ps.setString(1, tenant.value());
            ps.setString(2, id.toString());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new NotFoundException("booking", id.toString());
                }
                int sequence = rs.getInt("sequence");
                String anchor = rs.getString("audit_head");
                String previous = BookingEventHashes.GENESIS;
                long entries = 0;
                String problem = null;
                do {
                    if (rs.getObject("position") == null) {
                        break; // no event at all
                    }
                    int position = rs.getInt("position");
                    String hash = rs.getString("hash");
                    String digest = rs.getString("detail_sha256");
                    String detail = rs.getString("detail");
                    if (problem == null) {
                        problem = link(rs, entries, position, previous, hash, digest, detail);
                    }
                    previous = hash;
                    entries++;
                } while (rs.next());
                AuditCheck counted = AuditCheck.of(id, entries, sequence);
                if (counted.problem() != null) {
                    return counted;
                }
                if (problem == null && !previous.equals(anchor == null ? BookingEventHashes.GENESIS : anchor)) {
                    problem = "the last event's hash is not the head the booking records";
                }
                return problem == null ? counted : new AuditCheck(id, entries, sequence + 1L, problem);
            }
        } catch (SQLException e) {
            throw DataAccessException.translate("checking the audit trail", e);
        }
    }

    /** What is wrong with the event at {@code rs} as the {@code index}-th link after {@code previous}. */
    private static @Nullable String link(
            ResultSet rs,
            long index,
            int position,
            String previous,
            String hash,
            @Nullable String digest,
            @Nullable String detail)
            throws SQLException {
        if (position != index) {
            return "event at position " + position + " where " + index + " was expected";
        }
        if (!previous.equals(rs.getString("previous_hash"))) {
            return "event " + position + " does not link to the event before it";
        }
        String expected = BookingEventHashes.hash(
                rs.getString("tenant_id"),
                rs.getObject("booking_id", UUID.class),
                position,
                rs.getObject("event_id", UUID.class),
                rs.getString("action"),
                rs.getString("kind"),
                rs.getString("actor"),
                instant(rs, "occurred_at"),
                rs.getString("from_status"),
                rs.getString("to_status"),
                rs.getString("service_id"),
                rs.getString("resource_id"),
                instant(rs, "starts_at"),
                digest,
                previous);
        if (!expected.equals(hash)) {
            return "event " + position + " was altered: its hash does not match its content";
        }
        if (detail != null && !BookingEventHashes.digest(detail).equals(digest)) {
            return "event " + position + "'s detail does not match its digest";
        }
        return null;
    }

    /**
     * The booking's events, read from its log: a reschedule's previous start is the start of the event
     * before it.
     */
    @Override
    public List<BookingEvent> outbox(TenantId tenant, BookingId id) {
        List<BookingEvent> out = new ArrayList<>();
        try (Connection c = connection();
                PreparedStatement ps = c.prepareStatement("SELECT event_id, tenant_id, booking_id, kind, occurred_at,"
                        + " service_id, resource_id, starts_at, to_status AS status, position AS sequence,"
                        + " CASE WHEN kind = 'RESCHEDULED' THEN lag(starts_at) OVER (ORDER BY position) END"
                        + " AS previous_starts_at FROM scheduling_booking_event"
                        + " WHERE tenant_id = ? AND booking_id = ?::uuid ORDER BY position")) {
            ps.setString(1, tenant.value());
            ps.setString(2, id.toString());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(event(rs));
                }
            }
        } catch (SQLException e) {
            throw DataAccessException.translate("reading the booking's events", e);
        }
        return out;
    }

    /**
     * The events the relay still owes the first subscriber, from its cursors and the log's part its feed has
     * not read yet, in commit order: what {@code gru_outbox}'s pending rows were before V10. Reads the log
     * past the cursors without an index of its own: for tests and tools; gru-core's relay is the delivery
     * path.
     */
    @Override
    public List<BookingEvent> unpublished(int max) {
        List<BookingEvent> out = new ArrayList<>();
        if (subscribers.length == 0) {
            return out;
        }
        try (Connection c = connection();
                PreparedStatement ps = c.prepareStatement("SELECT " + LOG_EVENT + " FROM scheduling_booking_event e"
                        + " LEFT JOIN scheduling_booking_delivery_feed f ON f.tenant_id = e.tenant_id AND f.subscriber = ?"
                        + " LEFT JOIN scheduling_booking_delivery d ON d.tenant_id = e.tenant_id AND d.subscriber = ?"
                        + " AND d.booking_id = e.booking_id"
                        + " WHERE e.position + 1 > coalesce(d.delivered_seq, 0) AND (e.position + 1 <= d.last_seq"
                        + " OR (e.tx, e.booking_id, e.position) > (coalesce(f.tx, '0'::xid8),"
                        + " coalesce(f.booking_id, '00000000-0000-0000-0000-000000000000'::uuid), coalesce(f.position, -1)))"
                        + " ORDER BY e.tx, e.booking_id, e.position LIMIT ?")) {
            ps.setString(1, subscribers[0]);
            ps.setString(2, subscribers[0]);
            ps.setInt(3, max);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(event(rs));
                }
            }
        } catch (SQLException e) {
            throw DataAccessException.translate("reading the events owed", e);
        }
        return out;
    }

    /**
     * Records the events delivered to every subscriber of this store: each booking's cursor moves past the
     * latest of them (the relay delivers a booking's events in order, so the ones before are done too).
     */
    @Override
    public void markPublished(Collection<EventId> events, Instant at) {
        if (events.isEmpty() || subscribers.length == 0) {
            return;
        }
        try (Connection c = connection();
                PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO scheduling_booking_delivery AS d"
                                + " (tenant_id, subscriber, booking_id, delivered_seq, last_seq)"
                                + " SELECT e.tenant_id, s.name, e.booking_id, max(e.position) + 1, max(e.position) + 1"
                                + " FROM scheduling_booking_event e CROSS JOIN unnest(?::text[]) AS s(name)"
                                + " WHERE e.event_id = ANY (?::uuid[]) GROUP BY e.tenant_id, s.name, e.booking_id"
                                + " ON CONFLICT (tenant_id, subscriber, booking_id) DO UPDATE SET"
                                + " delivered_seq = greatest(d.delivered_seq, excluded.delivered_seq),"
                                + " last_seq = greatest(d.last_seq, excluded.last_seq),"
                                // Leased: the relay's outcome settles it. Else due only while something is still owed.
                                + " next_attempt_at = CASE WHEN d.lease IS NOT NULL"
                                + " OR d.last_seq > greatest(d.delivered_seq, excluded.delivered_seq) THEN d.next_attempt_at END")) {
            ps.setArray(1, c.createArrayOf("text", subscribers));
            ps.setArray(
                    2,
                    c.createArrayOf(
                            "text", events.stream().map(EventId::toString).toArray(String[]::new)));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw DataAccessException.translate("marking events delivered", e);
        }
    }

    /** Follows {@code SELECT}: a {@link BookingEvent} from the log's row {@code e}. */
    private static final String LOG_EVENT = "e.event_id, e.tenant_id, e.booking_id, e.kind, e.occurred_at,"
            + " e.service_id, e.resource_id, e.starts_at, e.to_status AS status, e.position AS sequence,"
            + " CASE WHEN e.kind = 'RESCHEDULED' THEN (SELECT p.starts_at FROM scheduling_booking_event p"
            + " WHERE p.tenant_id = e.tenant_id AND p.booking_id = e.booking_id AND p.position = e.position - 1)"
            + " END AS previous_starts_at";

    private static BookingEvent event(ResultSet rs) throws SQLException {
        return new BookingEvent(
                EventId.of(rs.getObject("event_id", UUID.class)),
                TenantId.of(rs.getString("tenant_id")),
                instant(rs, "occurred_at"),
                BookingEvent.Kind.valueOf(rs.getString("kind")),
                BookingId.of(rs.getObject("booking_id", UUID.class)),
                ServiceId.of(rs.getString("service_id")),
                ResourceId.of(rs.getString("resource_id")),
                instant(rs, "starts_at"),
                BookingStatus.valueOf(rs.getString("status")),
                rs.getInt("sequence"),
                nullableInstant(rs, "previous_starts_at"));
    }

    // ------------------------------------------------------------------ plumbing

    private BookingId activeBooking(TenantId tenant, UsagerId usager, ServiceId service) {
        return query(
                        "SELECT * FROM scheduling_booking WHERE tenant_id = ? AND usager_id = ?::uuid AND service_id = ? AND status = 'BOOKED'",
                        tenant.value(),
                        usager.toString(),
                        service.value())
                .stream()
                .findFirst()
                .map(Booking::id)
                .orElseThrow(() -> new IllegalStateException("active booking vanished for usager " + usager));
    }

    private Connection connection() throws SQLException {
        Connection c = dataSource.getConnection();
        if (!c.getAutoCommit()) {
            c.setAutoCommit(true); // each statement is its own transaction
        }
        return c;
    }

    private Optional<Booking> one(NamedSql sql, Map<String, ?> values) throws SQLException {
        List<Booking> rows = all(sql, values);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    private List<Booking> all(NamedSql sql, Map<String, ?> values) throws SQLException {
        Map<String, @Nullable Object> withSubscribers = new HashMap<>(values);
        withSubscribers.put("subscribers", subscribers);
        try (Connection c = connection();
                PreparedStatement ps = sql.prepare(c, withSubscribers);
                ResultSet rs = ps.executeQuery()) {
            List<Booking> out = new ArrayList<>();
            while (rs.next()) {
                out.add(booking(rs));
            }
            return out;
        }
    }

    private List<Booking> query(String sql, Object... args) {
        try (Connection c = connection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                if (args[i] instanceof Instant t) {
                    ps.setObject(i + 1, OffsetDateTime.ofInstant(t, java.time.ZoneOffset.UTC));
                } else {
                    ps.setString(i + 1, args[i].toString());
                }
            }
            try (ResultSet rs = ps.executeQuery()) {
                List<Booking> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(booking(rs));
                }
                return out;
            }
        } catch (SQLException e) {
            throw DataAccessException.translate("reading bookings", e);
        }
    }

    private static Booking booking(ResultSet rs) throws SQLException {
        String ants = rs.getString("ants_number");
        String key = rs.getString("idempotency_key");
        return new Booking(
                BookingId.of(rs.getObject("id", UUID.class)),
                TenantId.of(rs.getString("tenant_id")),
                SiteId.of(rs.getString("site_id")),
                ServiceId.of(rs.getString("service_id")),
                ResourceId.of(rs.getString("resource_id")),
                UsagerId.of(rs.getObject("usager_id", UUID.class)),
                rs.getInt("people"),
                instant(rs, "starts_at"),
                instant(rs, "ends_at"),
                instant(rs, "busy_start"),
                instant(rs, "busy_end"),
                BookingStatus.valueOf(rs.getString("status")),
                nullableInstant(rs, "hold_expires_at"),
                ants == null ? null : new AntsPreApplicationNumber(ants),
                rs.getString("cancel_reason"),
                rs.getInt("sequence"),
                key == null ? null : IdempotencyKey.of(key),
                rs.getString("cancel_token_hash"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static @Nullable Instant nullableInstant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static String[] desks(Collection<ResourceId> desks) {
        return desks.stream().map(ResourceId::value).toArray(String[]::new);
    }

    /** Serialization failure, deadlock, exclusion or unique violation: a concurrent change won. */
    static boolean isConflict(SQLException e) {
        String state = e.getSQLState();
        return "23P01".equals(state) || "23505".equals(state) || "40001".equals(state) || "40P01".equals(state);
    }

    /** Whether V6's trigger refused a hold beyond the person's cap (a check violation naming it). */
    static boolean isHoldLimit(SQLException e) {
        return "23514".equals(e.getSQLState())
                && e.getMessage() != null
                && e.getMessage().contains("\"" + HOLD_LIMIT + "\"");
    }

    /** The unique index a 23505 names, if any (the name appears quoted in the server's message). */
    static @Nullable String violatedIndex(SQLException e) {
        if (!"23505".equals(e.getSQLState()) || e.getMessage() == null) {
            return null;
        }
        for (String index : List.of(ACTIVE_INDEX, IDEMPOTENCY_INDEX)) {
            if (e.getMessage().contains("\"" + index + "\"")) {
                return index;
            }
        }
        return null;
    }
}
