-- RGPD: a payment names its payer (the usager, when known) so that it is in their subject-access export and
-- goes with their erasure; erasure and the purge blank the payer's e-mail (hence nullable) and the object.
ALTER TABLE payment ADD COLUMN usager_id uuid;
ALTER TABLE payment ALTER COLUMN payer_email DROP NOT NULL;

CREATE INDEX payment_payer ON payment (tenant_id, usager_id) WHERE usager_id IS NOT NULL;
-- The end of a request's retention erases the payments made for it (subject = 'request:<id>').
CREATE INDEX payment_subject ON payment (tenant_id, subject) WHERE subject IS NOT NULL;
