-- OpenGRU core, V19: the tables whose rows V17 moved into the request event log go (issue 22, docs/persistence.md
-- "One event log per request"). No store has read or written them since V17; they were kept for inspection
-- until a release, but none was made, and they held second copies of what the log holds, reasons and
-- history entries included (personal data with a second place to erase). The copy functions of V17 and V18
-- go with them: they read those tables and ran once.

DROP FUNCTION gru_copy_to_request_event_log();
DROP FUNCTION gru_outbox_request_changes();
DROP TABLE gru_request_history;
DROP TABLE gru_audit;
DROP FUNCTION gru_audit_refuse_change();
DROP TABLE gru_idempotency;
