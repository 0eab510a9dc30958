#!/bin/bash
cd "$(dirname "$0")"
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-55432} PGUSER=${PGUSER:-postgres}
psql -q -d c_db -f common.sql >/dev/null 2>&1
echo "raw $(./run1.sh c_db raw.sql ${SECS:-5000}) load=$(cut -d' ' -f1 /proc/loadavg)"
