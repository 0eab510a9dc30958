#!/bin/bash
# Every variant of the two-row floor (request + event), one after the other; see setup.sh.
cd "$(dirname "$0")"
Q='"'
./raw.sh
./variant.sh base c_db bench_uuid4 ""
./variant.sh uuid7 c_db bench_uuid7 ""
./variant.sh no_reference c_db bench_uuid4 "ALTER TABLE gru_request DROP CONSTRAINT gru_request_reference"
./variant.sh no_applicant c_db bench_uuid4 "DROP INDEX gru_request_applicant"
./variant.sh no_team c_db bench_uuid4 "DROP INDEX gru_request_team"
./variant.sh no_partials c_db bench_uuid4 "DROP INDEX gru_request_beneficiary; DROP INDEX gru_request_closed; DROP INDEX gru_request_due; DROP INDEX gru_request_received"
./variant.sh no_idem c_db bench_uuid4 "DROP INDEX gru_request_event_idempotency"
./variant.sh no_timeline c_db bench_uuid4 "DROP INDEX gru_request_event_timeline"
./variant.sh no_feed c_db bench_uuid4 "DROP INDEX gru_request_event_feed"
./raw.sh
./variant.sh pk_only c_db bench_uuid4 "ALTER TABLE gru_request DROP CONSTRAINT gru_request_reference; DROP INDEX gru_request_applicant; DROP INDEX gru_request_team; DROP INDEX gru_request_beneficiary; DROP INDEX gru_request_closed; DROP INDEX gru_request_due; DROP INDEX gru_request_received; DROP INDEX gru_request_event_idempotency; DROP INDEX gru_request_event_timeline; DROP INDEX gru_request_event_feed"
./variant.sh stored_entry c_db bench_uuid4 "ALTER TABLE gru_request_event ADD COLUMN entry_id text COLLATE ${Q}C${Q}; DROP INDEX gru_request_event_timeline; CREATE INDEX gru_request_event_timeline ON gru_request_event (tenant_id, usager_id, occurred_at, entry_id) WHERE usager_id IS NOT NULL" stored
./variant.sh text_json c_db bench_uuid4 "ALTER TABLE gru_request ALTER document TYPE text; ALTER TABLE gru_request_event ALTER payload TYPE text; DROP INDEX gru_request_event_timeline; ALTER TABLE gru_request_event ALTER details TYPE text; CREATE INDEX gru_request_event_timeline ON gru_request_event (tenant_id, usager_id, occurred_at, gru_event_entry_id(type, request_id, details::json) COLLATE ${Q}C${Q}) WHERE usager_id IS NOT NULL"
./variant.sh jsonb c_db bench_uuid4 "ALTER TABLE gru_request ALTER document TYPE jsonb; ALTER TABLE gru_request_event ALTER payload TYPE jsonb"
./variant.sh idx_ff70 c_db bench_uuid4 "ALTER INDEX gru_request_applicant SET (fillfactor=70); ALTER INDEX gru_request_event_timeline SET (fillfactor=70); ALTER INDEX gru_request_event_idempotency SET (fillfactor=70); ALTER INDEX gru_request_pkey SET (fillfactor=70); ALTER INDEX gru_request_event_pkey SET (fillfactor=70); REINDEX TABLE gru_request; REINDEX TABLE gru_request_event"
./variant.sh tbl_ff90 c_db bench_uuid4 "ALTER TABLE gru_request SET (fillfactor=90)"
./variant.sh fr_base fr_db bench_uuid4 ""
./variant.sh fr_collate_c fr_db bench_uuid4 "ALTER TABLE gru_request ALTER tenant_id TYPE text COLLATE ${Q}C${Q}, ALTER reference TYPE text COLLATE ${Q}C${Q}, ALTER team_id TYPE text COLLATE ${Q}C${Q}, ALTER procedure_code TYPE text COLLATE ${Q}C${Q}; ALTER TABLE gru_request_event ALTER tenant_id TYPE text COLLATE ${Q}C${Q}, ALTER idempotency_key TYPE text COLLATE ${Q}C${Q}"
./variant.sh c_collate_c c_db bench_uuid4 "ALTER TABLE gru_request ALTER tenant_id TYPE text COLLATE ${Q}C${Q}, ALTER reference TYPE text COLLATE ${Q}C${Q}, ALTER team_id TYPE text COLLATE ${Q}C${Q}, ALTER procedure_code TYPE text COLLATE ${Q}C${Q}; ALTER TABLE gru_request_event ALTER tenant_id TYPE text COLLATE ${Q}C${Q}, ALTER idempotency_key TYPE text COLLATE ${Q}C${Q}"
./variant.sh proposal c_db bench_uuid7 "ALTER TABLE gru_request_event ADD COLUMN entry_id text COLLATE ${Q}C${Q}; DROP INDEX gru_request_event_timeline; CREATE INDEX gru_request_event_timeline ON gru_request_event (tenant_id, usager_id, occurred_at, entry_id) WHERE usager_id IS NOT NULL" stored
./raw.sh
