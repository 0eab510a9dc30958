-- OpenGRU core, V8: reference numbers are leased to nodes in blocks of 32 (see PostgresReferenceSequence).
-- Each nextval hands its caller the block [value, value + 32) alone, so a node draws one number from the
-- database every 32 submissions instead of every one; uniqueness across nodes stays in the sequence.
ALTER SEQUENCE gru_reference_seq INCREMENT BY 32;
