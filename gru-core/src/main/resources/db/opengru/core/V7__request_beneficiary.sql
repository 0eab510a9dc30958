-- OpenGRU core, V7: the beneficiary of a request filed on someone else's behalf (a parent files their
-- child's canteen registration: the parent is the applicant, the child the beneficiary). NULL when the
-- request is for its applicant. The request document holds it too; the column serves the queries about a
-- person (subject access, erasure), hence the partial index: most requests have no beneficiary.
ALTER TABLE gru_request ADD COLUMN beneficiary_id uuid;
CREATE INDEX gru_request_beneficiary ON gru_request (tenant_id, beneficiary_id)
    WHERE beneficiary_id IS NOT NULL;
