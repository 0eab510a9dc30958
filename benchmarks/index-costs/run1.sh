#!/bin/bash
# run1.sh DB SCRIPT TXS -> prints server_us_per_op wal_bytes_per_op fpi_per_op wal_records_per_op
# Fixed work (TXS per client, 2 clients, asynchronous commit so fsync waits do not stretch the run): the
# server's CPU and WAL per operation do not depend on how busy the machine is, unlike throughput.
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-55432} PGUSER=${PGUSER:-postgres}
DB=$1; SCRIPT=$2; TXS=${3:-5000}
PM=$(head -1 ${PGDATA:?the server data directory}/postmaster.pid)
cpu() { local t=0; for p in $PM $(pgrep -P $PM); do s=$(cut -d' ' -f14-17 /proc/$p/stat 2>/dev/null) || continue; set -- $s; if [ $p = $PM ]; then t=$((t+$1+$2+$3+$4)); else t=$((t+$1+$2)); fi; done; echo $t; }
stat() { psql -qAt -F' ' -d $DB -c "select wal_bytes, wal_fpi, wal_records from pg_stat_wal"; }
psql -qAt -d $DB -c "CHECKPOINT" >/dev/null
sleep 0.3
read b0 f0 r0 < <(stat)
c0=$(cpu)
PGOPTIONS='-c synchronous_commit=off' pgbench -n -M prepared -c 2 -j 2 -t $TXS -f $SCRIPT $DB >${TMPDIR:-/tmp}/index-costs-last.out 2>&1
sleep 0.5
c1=$(cpu)
read b1 f1 r1 < <(stat)
n=$((2*TXS)); hz=$(getconf CLK_TCK)
echo "cpu_us=$(( (c1-c0)*1000000/hz/n )) wal_B=$(( (b1-b0)/n )) fpi=$(echo "scale=3; ($f1-$f0)/$n" | bc) recs=$(echo "scale=2; ($r1-$r0)/$n" | bc)"
