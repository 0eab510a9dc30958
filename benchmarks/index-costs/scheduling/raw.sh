#!/bin/bash
# The plain single-row insert (../raw.sql) in a copy of s_db, through run1.sh: with FIXED set, its server CPU, WAL
# bytes and full-page images per insert, for scale beside cpu.sh's lines.
cd "$(dirname "$0")"
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-55432} PGUSER=${PGUSER:-postgres}
psql -qAt -c "DROP DATABASE IF EXISTS sv_raw" -c "CREATE DATABASE sv_raw TEMPLATE s_db" >/dev/null 2>&1
psql -qAt -d sv_raw -c "ALTER TABLE bench_raw SET (autovacuum_enabled = off)" >/dev/null
echo "raw $(./run1.sh sv_raw ../raw.sql) load=$(cut -d' ' -f1 /proc/loadavg)"
psql -qAt -c "DROP DATABASE IF EXISTS sv_raw" >/dev/null
