-- FranceConnect accounts linked to usagers: keyed on (tenant, issuer, sub), never on the e-mail.

CREATE TABLE franceconnect_account_link (
    tenant_id    VARCHAR(64)  NOT NULL,
    issuer       VARCHAR(255) NOT NULL,
    subject      VARCHAR(255) NOT NULL,
    usager_id    UUID         NOT NULL,
    basis        VARCHAR(32)  NOT NULL CHECK (basis IN ('CREATED', 'PIVOT_MATCH', 'EXPLICIT_CONFIRMATION')),
    linked_at    TIMESTAMPTZ  NOT NULL,
    confirmed_by VARCHAR(255) NOT NULL,
    PRIMARY KEY (tenant_id, issuer, subject)
);

CREATE INDEX franceconnect_account_link_usager ON franceconnect_account_link (tenant_id, usager_id);
