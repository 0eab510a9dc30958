-- OpenGRU core, V18: the live follow-up's change feed (UsagerChangeFeed, issue 20). What changed for an
-- usager after an instant is one range scan of this index, which also holds every column the feed reads
-- but the type.
CREATE INDEX gru_request_event_usager_changes
    ON gru_request_event (tenant_id, usager_id, occurred_at, request_id, position)
    WHERE usager_id IS NOT NULL;
