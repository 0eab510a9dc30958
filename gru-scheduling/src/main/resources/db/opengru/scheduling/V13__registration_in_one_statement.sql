-- OpenGRU scheduling, V13: a new registration, and a change of a registration that frees a place, in ONE
-- statement each (issue 22 item 3, docs/persistence.md "The write"; functions only, no table changed).
-- The limit per person and event is counted under the advisory lock on (collectivité, event, participant).
-- At READ COMMITTED a statement sees what was committed when it started, so a count in the statement that
-- takes the lock would miss the registration of whoever held the lock before. This function is VOLATILE:
-- "STABLE and IMMUTABLE functions use a snapshot established as of the start of the calling query, whereas
-- VOLATILE functions obtain a fresh snapshot at the start of each query they execute" (PostgreSQL manual,
-- "Function Volatility Categories", https://www.postgresql.org/docs/current/xfunc-volatility.html). Its
-- count runs after the lock is held, so it sees the registrations committed by the previous holder. The
-- caller's statement then takes the place (its UPDATE re-checks the latest version of the session row) and
-- writes the registration and its event. The lock key is the one the two-statement path took, so old and
-- new nodes exclude each other.
CREATE FUNCTION scheduling_registration_count(p_tenant text, p_session text, p_participant text)
RETURNS TABLE (session_event text, session_limit integer, session_hold_seconds bigint, already uuid, active bigint)
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    s record;
BEGIN
    SELECT e.event_id, e.per_person_limit, e.payment_hold_seconds INTO s
      FROM scheduling_event_session e WHERE e.tenant_id = p_tenant AND e.id = p_session;
    IF NOT FOUND THEN
        RETURN; -- no row: the session is not declared
    END IF;
    PERFORM pg_advisory_xact_lock(hashtext('scheduling_registration'),
                                  hashtext(p_tenant || '|' || s.event_id || '|' || p_participant));
    -- A new snapshot from here (VOLATILE): the previous holder's registration is counted.
    RETURN QUERY
    SELECT s.event_id, s.per_person_limit, s.payment_hold_seconds,
           (SELECT r.id FROM scheduling_registration r
             WHERE r.tenant_id = p_tenant AND r.event_id = s.event_id AND r.participant_id = p_participant::uuid
               AND r.status IN ('WAITING', 'AWAITING_PAYMENT', 'CONFIRMED') AND r.session_id = p_session LIMIT 1),
           (SELECT count(*) FROM scheduling_registration r
             WHERE r.tenant_id = p_tenant AND r.event_id = s.event_id AND r.participant_id = p_participant::uuid
               AND r.status IN ('WAITING', 'AWAITING_PAYMENT', 'CONFIRMED'));
END
$$;

-- The id of an item's event, as ItemEvents.idOf computes it in Java: the name-based (version 3, MD5) UUID
-- of "<item type>:<item>:<version>" (java.util.UUID.nameUUIDFromBytes: the MD5 digest with its version and
-- variant bits set).
CREATE FUNCTION scheduling_item_event_id(item_type text, item uuid, version integer)
RETURNS uuid LANGUAGE sql IMMUTABLE AS $$
    SELECT encode(set_byte(set_byte(d, 6, (get_byte(d, 6) & 15) | 48), 8, (get_byte(d, 8) & 63) | 128), 'hex')::uuid
      FROM (SELECT decode(md5(item_type || ':' || item::text || ':' || version::text), 'hex') AS d) AS digest
$$;

-- One change of a registration on its version and its event in the item log, chained on the row's head
-- (the same columns and hash as the one-statement changes of PostgresRegistrationStore): false when the
-- version is stale. The row is locked first, so the head is the latest.
CREATE FUNCTION scheduling_registration_change(
        p_tenant text, p_item uuid, p_expected integer, p_status text, p_hold timestamptz,
        p_payment_reference text, p_version integer, p_updated_at timestamptz, p_event_id uuid, p_action text,
        p_kind text, p_actor text, p_at timestamptz, p_from text, p_to text, p_event_type text, p_event text,
        p_detail text, p_genesis text)
RETURNS boolean LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    cur record;
    told integer := CASE WHEN p_event_type IS NULL THEN 0 ELSE 1 END;
    h text;
BEGIN
    SELECT r.event_count AS pos, coalesce(r.audit_head, p_genesis)::text AS previous, r.webhook_seq AS seq INTO cur
      FROM scheduling_registration r
     WHERE r.tenant_id = p_tenant AND r.id = p_item AND r.version = p_expected FOR UPDATE;
    IF NOT FOUND THEN
        RETURN false;
    END IF;
    h := scheduling_item_event_hash(p_tenant, 'registration', p_item, cur.pos, p_event_id, p_action, p_kind,
            p_actor, p_at, p_from, p_to, p_event_type, p_event, scheduling_digest(p_detail), cur.previous);
    UPDATE scheduling_registration r
       SET status = p_status, hold_expires_at = p_hold, payment_reference = p_payment_reference,
           version = p_version, updated_at = p_updated_at, event_count = cur.pos + 1,
           webhook_seq = cur.seq + told, audit_head = h
     WHERE r.tenant_id = p_tenant AND r.id = p_item;
    INSERT INTO scheduling_item_event (tenant_id, item_type, item_id, position, event_id, action, kind, actor,
           occurred_at, from_status, to_status, event_type, event, webhook_seq, detail_sha256, detail,
           previous_hash, hash)
    VALUES (p_tenant, 'registration', p_item, cur.pos, p_event_id, p_action, p_kind, p_actor, p_at, p_from, p_to,
            p_event_type, p_event::json, CASE WHEN told = 0 THEN NULL ELSE cur.seq + 1 END,
            scheduling_digest(p_detail), p_detail, cur.previous, h);
    RETURN true;
END
$$;

-- A change that frees a place, in one call (one round trip): the change, its event and the session's
-- counter; then, each statement with a fresh snapshot (VOLATILE, see above), the first person waiting,
-- whoever joined the list meanwhile included, promoted to the place at the change's time with their own event. What Java
-- computes for every change it passes (the promotion's time as Instant.toString gives it, its actor, the
-- kinds and types of its event per status, RegistrationEvent's table); the event's id is ItemEvents.idOf's
-- (scheduling_item_event_id) and its JSON is the body ItemTrail writes, key for key. Returns no row when
-- the change's version is stale, else one row: the promoted registration, its columns null when none.
CREATE FUNCTION scheduling_registration_free(
        p_tenant text, p_item uuid, p_session text, p_expected integer, p_status text, p_hold timestamptz,
        p_payment_reference text, p_version integer, p_updated_at timestamptz, p_event_id uuid, p_action text,
        p_kind text, p_actor text, p_at timestamptz, p_from text, p_to text, p_event_type text, p_event text,
        p_detail text, p_genesis text, q_at_text text, q_at_epoch bigint, q_at_fraction text, q_actor text,
        q_offer_kind text, q_offer_type text, q_confirm_kind text, q_confirm_type text)
RETURNS SETOF scheduling_registration LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    w scheduling_registration;
    hold_seconds bigint;
    st text;
    hold timestamptz;
    eid uuid;
    body text;
BEGIN
    IF NOT scheduling_registration_change(p_tenant, p_item, p_expected, p_status, p_hold, p_payment_reference,
            p_version, p_updated_at, p_event_id, p_action, p_kind, p_actor, p_at, p_from, p_to, p_event_type,
            p_event, p_detail, p_genesis) THEN
        RETURN;
    END IF;
    UPDATE scheduling_event_session SET taken = taken - 1 WHERE tenant_id = p_tenant AND id = p_session;
    LOOP
        SELECT * INTO w FROM scheduling_registration
         WHERE tenant_id = p_tenant AND session_id = p_session AND status = 'WAITING' ORDER BY position LIMIT 1;
        EXIT WHEN NOT FOUND;
        UPDATE scheduling_event_session SET taken = taken + 1
         WHERE tenant_id = p_tenant AND id = p_session AND taken < capacity
        RETURNING payment_hold_seconds INTO hold_seconds;
        EXIT WHEN NOT FOUND; -- the session is full
        st := CASE WHEN w.price_cents > 0 THEN 'AWAITING_PAYMENT' ELSE 'CONFIRMED' END;
        hold := CASE WHEN st = 'AWAITING_PAYMENT' THEN p_at + hold_seconds * interval '1 second' END;
        eid := scheduling_item_event_id('registration', w.id, w.version + 1);
        body := '{"eventId":' || to_json(eid::text)::text || ',"tenant":' || to_json(p_tenant)::text
                || ',"occurredAt":' || to_json(q_at_text)::text
                || ',"kind":' || to_json(CASE WHEN hold IS NULL THEN q_confirm_kind ELSE q_offer_kind END)::text
                || ',"registration":' || to_json(w.id::text)::text || ',"session":' || to_json(w.session_id)::text
                || ',"eventCode":' || to_json(w.event_id)::text || ',"status":' || to_json(st)::text
                || ',"holdExpiresAt":' || CASE WHEN hold IS NULL THEN 'null' ELSE to_json(to_char(
                       to_timestamp(q_at_epoch + hold_seconds) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS')
                       || q_at_fraction)::text END
                || ',"version":' || (w.version + 1)::text || '}';
        IF scheduling_registration_change(p_tenant, w.id, w.version, st, hold, w.payment_reference, w.version + 1,
                p_at, eid, 'promote', CASE WHEN hold IS NULL THEN q_confirm_kind ELSE q_offer_kind END,
                q_actor, p_at, 'WAITING', st,
                CASE WHEN hold IS NULL THEN q_confirm_type ELSE q_offer_type END, body, NULL, p_genesis) THEN
            RETURN QUERY SELECT * FROM scheduling_registration WHERE tenant_id = p_tenant AND id = w.id;
            RETURN;
        END IF;
        -- Cancelled meanwhile: the place back, and the next one.
        UPDATE scheduling_event_session SET taken = taken - 1 WHERE tenant_id = p_tenant AND id = p_session;
    END LOOP;
    RETURN QUERY SELECT (NULL::scheduling_registration).*;
END
$$;
