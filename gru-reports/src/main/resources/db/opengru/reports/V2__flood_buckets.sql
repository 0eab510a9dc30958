-- OpenGRU signalements: the flood guard's token buckets, shared by every node (Bucket4j's PostgreSQL proxy
-- manager reads and writes a bucket under SELECT ... FOR UPDATE). The id is the SHA-256 of the collectivité
-- and the origin (an IP address), never the address itself; a bucket left alone until it is full again
-- expires and is deleted by PostgresFloodGuard.removeExpired.
CREATE TABLE report_flood_bucket (
    id         text   PRIMARY KEY,
    state      bytea,
    -- Milliseconds since the epoch after which the bucket is full again and may be deleted.
    expires_at bigint
);
CREATE INDEX report_flood_bucket_expiry ON report_flood_bucket (expires_at);
