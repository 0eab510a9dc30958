-- The end of a request's retention reaches everything it produced (docs/rgpd.md, the data map): these
-- indexes let the purge and the anonymisation find a request's notifications, in-app items and message
-- keys without reading the whole table.
CREATE INDEX gru_notification_request ON gru_notification (tenant_id, request_id) WHERE request_id IS NOT NULL;
CREATE INDEX gru_inbox_request ON gru_inbox (tenant_id, request_id) WHERE request_id IS NOT NULL;
CREATE INDEX gru_message_key_message ON gru_message_key (tenant_id, message_id);
