-- OpenGRU scheduling, V13: a new registration in ONE statement (issue 22 item 3, docs/persistence.md
-- "The write"). The limit per person and event is counted under the advisory lock on (collectivité, event,
-- participant). At READ COMMITTED a statement sees what was committed when it started, so a count in the
-- statement that takes the lock would miss the registration of whoever held the lock before. This function
-- is VOLATILE: "STABLE and IMMUTABLE functions use a snapshot established as of the start of the calling
-- query, whereas VOLATILE functions obtain a fresh snapshot at the start of each query they execute"
-- (PostgreSQL manual, "Function Volatility Categories", https://www.postgresql.org/docs/current/xfunc-volatility.html;
-- the same in "Transaction Isolation", Read Committed). Its count runs after the lock is held, so it sees
-- the registrations committed by the previous holder. The caller's statement then takes the place (its
-- UPDATE re-checks the latest version of the session row) and writes the registration and its event.
-- The lock key is the one the two-statement path took, so old and new nodes exclude each other.
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
