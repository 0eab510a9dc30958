-- OpenGRU scheduling: at most a service's number of unexpired holds per person (usager) and service.
--
-- A hold carries the cap it was taken under (the service's maxHolds, set by the booking service), and a
-- trigger refuses one more. The cap depends on time (a hold past hold_expires_at no longer counts, though
-- it stays HELD until reaped), so no index or constraint can state it: the trigger counts under a lock.
-- The lock serialises the holds of one person and service across nodes; at READ COMMITTED (the store's
-- statements, each its own transaction) the count below takes a new snapshot once the lock is granted,
-- so it sees the hold of whoever held the lock before, committed with it.

ALTER TABLE scheduling_booking ADD COLUMN hold_limit smallint;
ALTER TABLE scheduling_booking
    ADD CONSTRAINT scheduling_booking_hold_limit_range CHECK (hold_limit BETWEEN 1 AND 100);
-- Every new hold names its cap; holds taken before V6 had none (NOT VALID: they are not checked).
ALTER TABLE scheduling_booking
    ADD CONSTRAINT scheduling_booking_hold_has_limit CHECK (status <> 'HELD' OR hold_limit IS NOT NULL) NOT VALID;

CREATE FUNCTION scheduling_booking_hold_limit() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    held integer;
BEGIN
    -- Two int4 keys: a space of their own, apart from the bigint keys of the desk locks.
    PERFORM pg_advisory_xact_lock(hashtext('scheduling_booking_hold_limit'),
                                  hashtext(NEW.tenant_id || '|' || NEW.usager_id || '|' || NEW.service_id));
    -- "Now" is the hold's creation time, the booking service's clock, as for its expiry.
    SELECT count(*) INTO held FROM scheduling_booking
     WHERE tenant_id = NEW.tenant_id AND usager_id = NEW.usager_id AND service_id = NEW.service_id
       AND status = 'HELD' AND hold_expires_at > NEW.created_at;
    IF held >= NEW.hold_limit THEN
        RAISE EXCEPTION 'new row for relation "scheduling_booking" violates "scheduling_booking_hold_limit": % unexpired holds of at most %',
                held, NEW.hold_limit
            USING ERRCODE = 'check_violation', CONSTRAINT = 'scheduling_booking_hold_limit';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER scheduling_booking_hold_limit BEFORE INSERT ON scheduling_booking
    FOR EACH ROW WHEN (NEW.status = 'HELD') EXECUTE FUNCTION scheduling_booking_hold_limit();
