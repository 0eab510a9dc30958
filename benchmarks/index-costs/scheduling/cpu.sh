#!/bin/bash
# The chosen variants in fixed work (run1.sh with FIXED: 2 clients, asynchronous commit, the same number of
# bookings each), interleaved, $ROUNDS times: server CPU, WAL bytes and full-page images per booking, the figures
# that move least with the machine's load. VARIANTS names them (default: V11, its parts, and V12's schema).
cd "$(dirname "$0")"
export FIXED=${FIXED:-10000}
EXCL="WHERE (status IN ('HELD', 'BOOKED'))"
NO_EXCL="ALTER TABLE scheduling_booking DROP CONSTRAINT scheduling_booking_no_overlap"
EQ_FIRST="$NO_EXCL; ALTER TABLE scheduling_booking ADD CONSTRAINT scheduling_booking_no_overlap EXCLUDE USING gist (tenant_id WITH =, resource_id WITH =, busy WITH &&) $EXCL"
RANGE="$NO_EXCL; ALTER TABLE scheduling_booking DROP COLUMN busy; ALTER TABLE scheduling_booking ADD CONSTRAINT scheduling_booking_no_overlap EXCLUDE USING gist (tstzrange(busy_start, busy_end, '[)') WITH &&, resource_id WITH =, tenant_id WITH =) $EXCL"
CHECKS="ALTER TABLE scheduling_booking DROP CONSTRAINT scheduling_booking_people_check, DROP CONSTRAINT scheduling_booking_status_check, DROP CONSTRAINT scheduling_booking_ants_number_check, DROP CONSTRAINT scheduling_booking_check, DROP CONSTRAINT scheduling_booking_check1, DROP CONSTRAINT scheduling_booking_check2, DROP CONSTRAINT scheduling_booking_hold_limit_range, DROP CONSTRAINT scheduling_booking_hold_has_limit"
ONE_CHECK="ALTER TABLE scheduling_booking ADD CONSTRAINT scheduling_booking_rules CHECK (people BETWEEN 1 AND 10 AND status IN ('HELD', 'BOOKED', 'EXPIRED', 'CANCELLED_BY_USAGER', 'CANCELLED_BY_AGENT', 'ATTENDED', 'NO_SHOW') AND (ants_number IS NULL OR ants_number ~ '^[A-Z0-9]{10}\$') AND ends_at > starts_at AND busy_start <= starts_at AND busy_end >= ends_at AND (status = 'HELD') = (hold_expires_at IS NOT NULL) AND (hold_limit IS NULL OR hold_limit BETWEEN 1 AND 100) AND (status <> 'HELD' OR hold_limit IS NOT NULL))"
V12="$NO_EXCL; ALTER TABLE scheduling_booking DROP COLUMN busy; ALTER TABLE scheduling_booking ADD CONSTRAINT scheduling_booking_no_overlap EXCLUDE USING gist (tenant_id WITH =, resource_id WITH =, tstzrange(busy_start, busy_end, '[)') WITH &&) $EXCL"
for round in $(seq 1 ${ROUNDS:-3}); do
  ./variant.sh v11 bench_uuid4 ""
  ./variant.sh gist_eq_first bench_uuid4 "$EQ_FIRST"
  ./variant.sh range_expr bench_uuid4 "$RANGE"
  ./variant.sh v12 bench_uuid4 "$V12"
  ./variant.sh v12_uuid7 bench_uuid7 "$V12"
  ./variant.sh one_check bench_uuid4 "$CHECKS; $ONE_CHECK"
  ./variant.sh no_checks bench_uuid4 "$CHECKS"
  ./variant.sh no_exclusion bench_uuid4 "$NO_EXCL"
done
