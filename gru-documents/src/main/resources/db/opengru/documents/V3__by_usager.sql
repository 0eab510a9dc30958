-- OpenGRU documents, V3: the data proofs about an usager and the reuse consents of an usager, for the
-- RGPD subject-access export and erasure.
CREATE INDEX gru_document_proof_usager ON gru_document_proof (tenant_id, usager_id, attached_at);
CREATE INDEX gru_document_consent_usager ON gru_document_consent (tenant_id, usager_id, id);
