-- OpenGRU documents, V3: the data proofs about an usager, for the RGPD subject-access export and erasure.
CREATE INDEX gru_document_proof_usager ON gru_document_proof (tenant_id, usager_id, attached_at);
