-- OpenGRU core, V9: a request's history is read from its columns; the JSON copy of each entry is no longer
-- written (it doubled every history row and had to be kept in step on anonymisation). Nullable rather than
-- dropped, so that a node still running the previous version keeps working during a rolling upgrade; a
-- later version drops the column.
ALTER TABLE gru_request_history ALTER COLUMN document DROP NOT NULL;
