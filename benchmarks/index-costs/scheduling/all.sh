#!/bin/bash
# Every variant of the booking's two rows, each against a plain insert in the same run (run1.sh), interleaved
# and repeated $ROUNDS times (other work on a shared machine moves the figures; read the spread); see setup.sh.
cd "$(dirname "$0")"
EXCL="WHERE (status IN ('HELD', 'BOOKED'))"
CHECKS="ALTER TABLE scheduling_booking DROP CONSTRAINT scheduling_booking_people_check, DROP CONSTRAINT scheduling_booking_status_check, DROP CONSTRAINT scheduling_booking_ants_number_check, DROP CONSTRAINT scheduling_booking_check, DROP CONSTRAINT scheduling_booking_check1, DROP CONSTRAINT scheduling_booking_check2, DROP CONSTRAINT scheduling_booking_hold_limit_range, DROP CONSTRAINT scheduling_booking_hold_has_limit"
ONE_CHECK="ALTER TABLE scheduling_booking ADD CONSTRAINT scheduling_booking_rules CHECK (people BETWEEN 1 AND 10 AND status IN ('HELD', 'BOOKED', 'EXPIRED', 'CANCELLED_BY_USAGER', 'CANCELLED_BY_AGENT', 'ATTENDED', 'NO_SHOW') AND (ants_number IS NULL OR ants_number ~ '^[A-Z0-9]{10}\$') AND ends_at > starts_at AND busy_start <= starts_at AND busy_end >= ends_at AND (status = 'HELD') = (hold_expires_at IS NOT NULL) AND (hold_limit IS NULL OR hold_limit BETWEEN 1 AND 100) AND (status <> 'HELD' OR hold_limit IS NOT NULL))"
NO_EXCL="ALTER TABLE scheduling_booking DROP CONSTRAINT scheduling_booking_no_overlap"
for round in $(seq 1 ${ROUNDS:-2}); do
./variant.sh v11 bench_uuid4 ""
./variant.sh uuid7 bench_uuid7 ""
./variant.sh no_start bench_uuid4 "DROP INDEX scheduling_booking_start"
./variant.sh no_usager bench_uuid4 "DROP INDEX scheduling_booking_usager"
./variant.sh no_one_active bench_uuid4 "DROP INDEX scheduling_booking_one_active"
./variant.sh no_idem bench_uuid4 "DROP INDEX scheduling_booking_idempotency"
./variant.sh no_feed bench_uuid4 "DROP INDEX scheduling_booking_event_feed"
./variant.sh gist_eq_first bench_uuid4 "$NO_EXCL; ALTER TABLE scheduling_booking ADD CONSTRAINT scheduling_booking_no_overlap EXCLUDE USING gist (tenant_id WITH =, resource_id WITH =, busy WITH &&) $EXCL"
./variant.sh range_expr bench_uuid4 "$NO_EXCL; ALTER TABLE scheduling_booking DROP COLUMN busy; ALTER TABLE scheduling_booking ADD CONSTRAINT scheduling_booking_no_overlap EXCLUDE USING gist (tstzrange(busy_start, busy_end, '[)') WITH &&, resource_id WITH =, tenant_id WITH =) $EXCL"
./variant.sh one_check bench_uuid4 "$CHECKS; $ONE_CHECK"
./variant.sh no_checks bench_uuid4 "$CHECKS"
./variant.sh fillfactor bench_uuid4 "ALTER TABLE scheduling_booking SET (fillfactor = 90); ALTER INDEX scheduling_booking_no_overlap SET (fillfactor = 70); ALTER INDEX scheduling_booking_pkey SET (fillfactor = 70); ALTER INDEX scheduling_booking_usager SET (fillfactor = 70); ALTER INDEX scheduling_booking_start SET (fillfactor = 70); ALTER INDEX scheduling_booking_one_active SET (fillfactor = 70)"
./variant.sh no_exclusion bench_uuid4 "$NO_EXCL"
./variant.sh pk_only bench_uuid4 "$NO_EXCL; $CHECKS; DROP INDEX scheduling_booking_start; DROP INDEX scheduling_booking_usager; DROP INDEX scheduling_booking_one_active; DROP INDEX scheduling_booking_idempotency; DROP INDEX scheduling_booking_event_feed"
[ -n "${EXTRA:-}" ] && ./variant.sh proposal ${EXTRA_ID:-bench_uuid7} "$EXTRA"
done
