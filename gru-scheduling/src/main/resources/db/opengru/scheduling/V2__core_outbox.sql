-- OpenGRU scheduling: booking events now go to gru-core's transactional outbox (gru_outbox, aggregate type
-- 'booking'), so gru-core's relay and webhooks deliver them. gru-core's migrations must run first.
DO $$
BEGIN
    IF to_regclass('gru_outbox') IS NULL OR to_regclass('gru_outbox_stream') IS NULL THEN
        RAISE EXCEPTION 'gru-scheduling needs gru-core''s tables gru_outbox and gru_outbox_stream'
            USING HINT = 'run gru-core''s migrations (classpath:db/opengru/core) before gru-scheduling''s';
    END IF;
END
$$;

DROP TABLE scheduling_outbox;
