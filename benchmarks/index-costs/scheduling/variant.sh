#!/bin/bash
# variant.sh NAME IDFN "DDL" -> prepares db sv_NAME from s_db, applies DDL, preloads 50,000 (PRELOAD) bookings and their
# events over $DESKS desks (400 unless set), runs the two-row booking insert against a plain insert (run1.sh), prints one line.
cd "$(dirname "$0")"
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-55432} PGUSER=${PGUSER:-postgres}
NAME=$1; IDFN=$2; DDL=$3
DB=sv_$NAME
psql -qAt -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB TEMPLATE s_db" >/dev/null
[ -n "$DDL" ] && { psql -q -v ON_ERROR_STOP=1 -d $DB -c "$DDL" >/dev/null || { echo "DDL FAIL $NAME"; exit 1; }; }
DESKS=${DESKS:-400}
sed -e "s/__ID__/$IDFN/" -e "s/__DESKS__/$DESKS/g" booking.tpl > ${TMPDIR:-/tmp}/index-costs-sched_$NAME.sql
psql -q -v ON_ERROR_STOP=1 -d $DB >/dev/null <<SQL
INSERT INTO scheduling_booking (tenant_id, id, site_id, service_id, resource_id, usager_id, people, starts_at, ends_at, busy_start, busy_end, status, sequence, cancel_token_hash, created_at, updated_at, audit_head)
 SELECT 'commune-bench', $IDFN(), 'mairie-annexe-nord', 'passeport', bench_desk(n, $DESKS), gen_random_uuid(), 1, bench_start(n, $DESKS) + interval '5 minutes', bench_start(n, $DESKS) + interval '15 minutes',
        bench_start(n, $DESKS), bench_start(n, $DESKS) + interval '20 minutes', 'BOOKED', 0, repeat('c', 64), now(), now(), repeat('f', 64) FROM generate_series(1, ${PRELOAD:-50000}) n;
INSERT INTO scheduling_booking_event (tenant_id, booking_id, position, event_id, action, kind, actor, occurred_at, to_status, service_id, resource_id, starts_at, previous_hash, hash)
 SELECT tenant_id, id, 0, gen_random_uuid(), 'insert', 'BOOKED', 'usager:' || usager_id, created_at, status, service_id, resource_id, starts_at, repeat('0', 64), audit_head FROM scheduling_booking;
SELECT setval('bench_slot', ${PRELOAD:-50000});
VACUUM ANALYZE scheduling_booking; VACUUM ANALYZE scheduling_booking_event; VACUUM ANALYZE bench_raw;
-- No autovacuum during the measurement: its work would land in some runs' server CPU and not others'.
ALTER TABLE scheduling_booking SET (autovacuum_enabled = off);
ALTER TABLE scheduling_booking_event SET (autovacuum_enabled = off);
ALTER TABLE bench_raw SET (autovacuum_enabled = off);
SQL
r=$(./run1.sh $DB ${TMPDIR:-/tmp}/index-costs-sched_$NAME.sql)
echo "$NAME desks=$DESKS $r load=$(cut -d' ' -f1 /proc/loadavg)"
psql -qAt -c "DROP DATABASE IF EXISTS $DB" >/dev/null
