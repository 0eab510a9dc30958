#!/bin/bash
# Prepares a PostgreSQL 17 server for the booking's cost measurements (docs/persistence.md, "Bookings", "What a
# booking's two rows cost"): database s_db (C.UTF-8, as the embedded test server) with gru-core's migrations,
# then gru-scheduling's up to $UPTO (11: the schema before V12).
# Needs: a running server (PGHOST, PGPORT, PGUSER; durable commits), psql and pgbench (Debian postgresql-client).
# Then: PGDATA=<the server's data directory> ./all.sh (every variant, twice, interleaved).
set -euo pipefail
cd "$(dirname "$0")"
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-55432} PGUSER=${PGUSER:-postgres}
UPTO=${UPTO:-11}
core=../../../gru-core/src/main/resources/db/opengru/core
sched=../../../gru-scheduling/src/main/resources/db/opengru/scheduling
psql -q -c "DROP DATABASE IF EXISTS s_db" -c "CREATE DATABASE s_db TEMPLATE template0 ENCODING 'UTF8' LOCALE 'C.UTF-8'"
for f in $(ls $core/V*__*.sql | sort -V); do psql -q -v ON_ERROR_STOP=1 -d s_db -1 -f "$f" >/dev/null; done
for v in $(seq 1 "$UPTO"); do
  psql -q -v ON_ERROR_STOP=1 -d s_db -1 -f "$(ls $sched/V${v}__*.sql)" >/dev/null
done
psql -q -d s_db -f ../common.sql >/dev/null
psql -q -d s_db -f common.sql >/dev/null
