-- OpenGRU documents, V4: the request a document was filed with (a file sent with a message or a complement),
-- so that it goes when no live request needs it any more; NULL for a document the usager keeps in their
-- vault. The sweep of ended requests walks the requests referenced by attachments (their unique key starts
-- with tenant_id, request_id), data proofs (gru_document_proof_request) and filed documents (below).
ALTER TABLE gru_document ADD COLUMN filed_with uuid;
CREATE INDEX gru_document_filed_with ON gru_document (tenant_id, filed_with) WHERE filed_with IS NOT NULL;
