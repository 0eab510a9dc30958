-- Silence vaut rejet goes on while the pieces are awaited once the time given to produce them has run
-- out (L114-5 CRPA): the sweeper also finds requests awaiting a complement whose deadline runs.
DROP INDEX gru_request_due;
CREATE INDEX gru_request_due ON gru_request (tenant_id, deadline_due_at, id)
    WHERE deadline_active AND status IN ('SUBMITTED', 'IN_REVIEW', 'AWAITING_COMPLEMENT');
