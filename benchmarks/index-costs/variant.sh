#!/bin/bash
cd "$(dirname "$0")"
# variant.sh NAME TEMPLATE_DB IDFN "DDL" [stored]  -> prepares db v_NAME, runs floor, prints line
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-55432} PGUSER=${PGUSER:-postgres}
NAME=$1; TPL=$2; IDFN=$3; DDL=$4; STORED=$5; SECS=${SECS:-5000}
DB=v_$NAME
psql -qAt -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB TEMPLATE $TPL" >/dev/null
psql -q -v ON_ERROR_STOP=1 -d $DB -f common.sql >/dev/null
[ -n "$DDL" ] && { psql -q -v ON_ERROR_STOP=1 -d $DB -c "$DDL" >/dev/null || { echo "DDL FAIL $NAME"; exit 1; }; }
if [ -n "$STORED" ]; then XC=", entry_id"; XV=", 'core' || chr(58) || 'request' || chr(58) || id || chr(58) || '000001'"; else XC=""; XV=""; fi
sed -e "s/__ID__/$IDFN/" -e "s/__EXTRA_COLS__/$XC/" -e "s/__EXTRA_VALS__/$XV/" floor.tpl > ${TMPDIR:-/tmp}/index-costs-floor_$NAME.sql
# preload 100k requests and events
psql -q -v ON_ERROR_STOP=1 -d $DB >/dev/null <<SQL
INSERT INTO gru_request (tenant_id, id, reference, procedure_code, procedure_ver, team_id, applicant_id, status, version, created_at, updated_at, document, audit_length, audit_head)
 SELECT 'commune-bench', $IDFN(), 'P' || lpad(g::text, 9, '0'), 'inscription-cantine', 1, 'enfance', gen_random_uuid(), 'DRAFT', 1, now(), now(), '{"d":"x"}', 1, repeat('f',64) FROM generate_series(1,100000) g;
INSERT INTO gru_request_event (tenant_id, request_id, position, occurred_at, actor, type, channel, details, payload, previous_hash, hash, usager_id, idempotency_key, fingerprint, webhook_seq$XC)
 SELECT tenant_id, id, 0, created_at, 'usager:' || applicant_id, 'CREATE', 'WEB', '{"to":"DRAFT","version":"1","sequence":"1"}', '{}', repeat('0',64), repeat('f',64), applicant_id, 'bench-' || gen_random_uuid(), 'CREATE:' || id, 1$XV FROM gru_request;
VACUUM ANALYZE gru_request; VACUUM ANALYZE gru_request_event;
SQL
r=$(./run1.sh $DB ${TMPDIR:-/tmp}/index-costs-floor_$NAME.sql $SECS)
echo "$NAME $r load=$(cut -d' ' -f1 /proc/loadavg)"
