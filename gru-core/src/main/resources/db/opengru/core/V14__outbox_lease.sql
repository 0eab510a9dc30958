-- The outbox relay claims a batch with a lease, commits, and delivers with no transaction open: a claimed
-- row's next_attempt_at is its lease's end (other relays skip it until then) and this column holds the
-- claim's token, which the outcome's UPDATE must match. NULL when no relay holds the row.
ALTER TABLE gru_outbox ADD COLUMN lease uuid;
