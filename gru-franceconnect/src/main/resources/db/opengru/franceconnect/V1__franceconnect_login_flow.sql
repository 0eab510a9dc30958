-- Pending FranceConnect logins, used nonces and pending logouts, shared by every node.
-- Single use is enforced by DELETE ... RETURNING (logins, logouts) and by the primary key (nonces).

CREATE TABLE franceconnect_pending_login (
    tenant_id     VARCHAR(64)  NOT NULL,
    state         VARCHAR(128) NOT NULL,
    nonce         VARCHAR(128) NOT NULL,
    code_verifier VARCHAR(128),
    acr           VARCHAR(16)  NOT NULL,
    return_to     VARCHAR(2048),
    created_at    TIMESTAMPTZ  NOT NULL,
    expires_at    TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (tenant_id, state),
    CHECK (expires_at > created_at)
);

CREATE INDEX franceconnect_pending_login_expiry ON franceconnect_pending_login (expires_at);

CREATE TABLE franceconnect_used_nonce (
    tenant_id  VARCHAR(64)  NOT NULL,
    nonce      VARCHAR(128) NOT NULL,
    keep_until TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (tenant_id, nonce)
);

CREATE INDEX franceconnect_used_nonce_expiry ON franceconnect_used_nonce (keep_until);

CREATE TABLE franceconnect_pending_logout (
    tenant_id  VARCHAR(64)  NOT NULL,
    state      VARCHAR(128) NOT NULL,
    expires_at TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (tenant_id, state)
);
