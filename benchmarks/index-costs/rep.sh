#!/bin/bash
cd "$(dirname "$0")"
Q='"'
TL3="DROP INDEX gru_request_event_timeline; CREATE INDEX gru_request_event_timeline ON gru_request_event (tenant_id, usager_id, occurred_at) WHERE usager_id IS NOT NULL"
COLC="ALTER TABLE gru_request ALTER reference TYPE text COLLATE ${Q}C${Q}; ALTER TABLE gru_request_event ALTER idempotency_key TYPE text COLLATE ${Q}C${Q}"
for i in 1 2 3; do
./variant.sh v7base c_db bench_uuid7 ""
./variant.sh v7_tl3 c_db bench_uuid7 "$TL3"
./variant.sh fr_v7base fr_db bench_uuid7 ""
./variant.sh fr_v7_colc fr_db bench_uuid7 "$COLC"
./variant.sh fr_v7_both fr_db bench_uuid7 "$TL3; $COLC"
done
