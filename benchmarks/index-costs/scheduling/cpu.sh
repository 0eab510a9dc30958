#!/bin/bash
# The chosen variants in fixed work (run1.sh with FIXED: 2 clients, asynchronous commit, the same number of
# bookings each), interleaved, $ROUNDS times: server CPU, WAL bytes and full-page images per booking, the figures
# that move least with the machine's load. ONLY names them (default: all below); DESKS the number of desks (variant.sh).
cd "$(dirname "$0")"
export FIXED=${FIXED:-10000}
EXCL="WHERE (status IN ('HELD', 'BOOKED'))"
NO_EXCL="ALTER TABLE scheduling_booking DROP CONSTRAINT scheduling_booking_no_overlap"
EQ_FIRST="$NO_EXCL; ALTER TABLE scheduling_booking ADD CONSTRAINT scheduling_booking_no_overlap EXCLUDE USING gist (tenant_id WITH =, resource_id WITH =, busy WITH &&) $EXCL"
RANGE="$NO_EXCL; ALTER TABLE scheduling_booking DROP COLUMN busy; ALTER TABLE scheduling_booking ADD CONSTRAINT scheduling_booking_no_overlap EXCLUDE USING gist (tstzrange(busy_start, busy_end, '[)') WITH &&, resource_id WITH =, tenant_id WITH =) $EXCL"
CHECKS="ALTER TABLE scheduling_booking DROP CONSTRAINT scheduling_booking_people_check, DROP CONSTRAINT scheduling_booking_status_check, DROP CONSTRAINT scheduling_booking_ants_number_check, DROP CONSTRAINT scheduling_booking_check, DROP CONSTRAINT scheduling_booking_check1, DROP CONSTRAINT scheduling_booking_check2, DROP CONSTRAINT scheduling_booking_hold_limit_range, DROP CONSTRAINT scheduling_booking_hold_has_limit"
ONE_CHECK="ALTER TABLE scheduling_booking ADD CONSTRAINT scheduling_booking_rules CHECK (people BETWEEN 1 AND 10 AND status IN ('HELD', 'BOOKED', 'EXPIRED', 'CANCELLED_BY_USAGER', 'CANCELLED_BY_AGENT', 'ATTENDED', 'NO_SHOW') AND (ants_number IS NULL OR ants_number ~ '^[A-Z0-9]{10}\$') AND ends_at > starts_at AND busy_start <= starts_at AND busy_end >= ends_at AND (status = 'HELD') = (hold_expires_at IS NOT NULL) AND (hold_limit IS NULL OR hold_limit BETWEEN 1 AND 100) AND (status <> 'HELD' OR hold_limit IS NOT NULL))"
V12="$RANGE"
ONLY=" ${ONLY:-v11 uuid7 gist_eq_first v12 v12_uuid7 one_check no_checks no_exclusion no_start no_usager no_one_active no_feed pk_only raw} "
run() { case "$ONLY" in *" $1 "*) ./variant.sh "$@" ;; esac; }
for round in $(seq 1 ${ROUNDS:-3}); do
  run v11 bench_uuid4 ""
  run uuid7 bench_uuid7 ""
  run gist_eq_first bench_uuid4 "$EQ_FIRST"
  run range_expr bench_uuid4 "$RANGE"
  run v12 bench_uuid4 "$V12"
  run v12_uuid7 bench_uuid7 "$V12"
  run one_check bench_uuid4 "$CHECKS; $ONE_CHECK"
  run no_checks bench_uuid4 "$CHECKS"
  run no_exclusion bench_uuid4 "$NO_EXCL"
  run no_start bench_uuid4 "DROP INDEX scheduling_booking_start"
  run no_usager bench_uuid4 "DROP INDEX scheduling_booking_usager"
  run no_one_active bench_uuid4 "DROP INDEX scheduling_booking_one_active"
  run no_feed bench_uuid4 "DROP INDEX scheduling_booking_event_feed"
  run pk_only bench_uuid4 "$NO_EXCL; $CHECKS; DROP INDEX scheduling_booking_start; DROP INDEX scheduling_booking_usager; DROP INDEX scheduling_booking_one_active; DROP INDEX scheduling_booking_idempotency; DROP INDEX scheduling_booking_event_feed"
  case "$ONLY" in *" raw "*) ./raw.sh ;; esac
done
