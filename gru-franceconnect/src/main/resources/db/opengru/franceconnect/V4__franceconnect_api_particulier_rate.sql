-- API Particulier rate limit shared by the nodes: the next free send slot of each token
-- (keyed on the token's SHA-256, never the token).

CREATE TABLE franceconnect_api_particulier_rate (
    token_hash VARCHAR(64) PRIMARY KEY,
    next_slot  TIMESTAMPTZ NOT NULL
);
