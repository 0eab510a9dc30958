#!/bin/bash
# run1.sh DB SCRIPT -> one line: the script's and a plain insert's throughput in the same run, their ratio, and
# the script's server CPU, WAL bytes, full-page images and WAL records per operation.
# 8 clients, prepared statements, durable commits (the server's synchronous_commit, on), $SECS seconds each;
# the plain insert runs right before the script, into bench_raw of the same database.
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-55432} PGUSER=${PGUSER:-postgres}
DB=$1; SCRIPT=$2; SECS=${SECS:-10}
PM=$(head -1 ${PGDATA:?the server data directory}/postmaster.pid)
cpu() { local t=0; for p in $PM $(pgrep -P $PM); do s=$(cut -d' ' -f14-17 /proc/$p/stat 2>/dev/null) || continue; set -- $s; if [ $p = $PM ]; then t=$((t+$1+$2+$3+$4)); else t=$((t+$1+$2)); fi; done; echo $t; }
stat() { psql -qAt -F' ' -d $DB -c "select pg_current_wal_insert_lsn() - '0/0'::pg_lsn, wal_fpi, wal_records from pg_stat_wal"; }
tps() { grep -Eo 'tps = [0-9.]+' | head -1 | cut -d' ' -f3; }
count() { grep -Eo 'number of transactions actually processed: [0-9]+' | grep -Eo '[0-9]+$'; }
out=${TMPDIR:-/tmp}/index-costs-sched-last.out
hz=$(getconf CLK_TCK)
if [ -n "${FIXED:-}" ]; then
  # FIXED=N: fixed work instead (N transactions per client, 2 clients, asynchronous commit), as ../run1.sh: the
  # server's CPU per operation then depends little on how busy the machine is; no ratio.
  psql -qAt -d $DB -c "CHECKPOINT" >/dev/null
  sleep 0.3
  read b0 f0 r0 < <(stat)
  c0=$(cpu)
  PGOPTIONS='-c synchronous_commit=off' pgbench -n -M prepared -c 2 -j 2 -t $FIXED -f $SCRIPT $DB >$out 2>&1 || { echo "FAILED: $(tail -3 $out)"; exit 1; }
  sleep 0.5
  c1=$(cpu)
  read b1 f1 r1 < <(stat)
  n=$((2*FIXED))
  echo "fixed cpu_us=$(( (c1-c0)*1000000/hz/n )) wal_B=$(( (b1-b0)/n )) fpi=$(echo "scale=3; ($f1-$f0)/$n" | bc) recs=$(echo "scale=2; ($r1-$r0)/$n" | bc)"
  exit 0
fi
psql -qAt -d $DB -c "CHECKPOINT" >/dev/null
pgbench -n -M prepared -c 8 -j 2 -T $SECS -f ../raw.sql $DB >$out 2>&1
raw=$(tps <$out)
psql -qAt -d $DB -c "CHECKPOINT" >/dev/null
sleep 0.3
read b0 f0 r0 < <(stat)
c0=$(cpu)
pgbench -n -M prepared -c 8 -j 2 -T $SECS -f $SCRIPT $DB >$out 2>&1 || { echo "FAILED: $(tail -3 $out)"; exit 1; }
sleep 0.5
c1=$(cpu)
read b1 f1 r1 < <(stat)
ops=$(tps <$out); n=$(count <$out)
echo "raw_tps=$raw ops_tps=$ops ratio=$(echo "scale=3; $ops/$raw" | bc) cpu_us=$(( (c1-c0)*1000000/hz/n )) wal_B=$(( (b1-b0)/n )) fpi=$(echo "scale=3; ($f1-$f0)/$n" | bc) recs=$(echo "scale=2; ($r1-$r0)/$n" | bc)"
