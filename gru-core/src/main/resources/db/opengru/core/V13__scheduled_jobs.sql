-- The periodic jobs shared by the nodes (org.opengru.core.jdbc.PostgresJobScheduler, on db-scheduler 16):
-- one row per job with its next run time; the node running it writes its name and heartbeats there.
-- The columns are db-scheduler's own (its PostgreSQL schema); task_data stays null for OpenGRU's jobs.
CREATE TABLE gru_scheduled_tasks (
    task_name            text        NOT NULL,
    task_instance        text        NOT NULL,
    task_data            bytea,
    execution_time       timestamptz NOT NULL,
    picked               boolean     NOT NULL,
    picked_by            text,
    last_success         timestamptz,
    last_failure         timestamptz,
    consecutive_failures int,
    last_heartbeat       timestamptz,
    version              bigint      NOT NULL,
    priority             smallint,
    PRIMARY KEY (task_name, task_instance)
);

CREATE INDEX gru_scheduled_tasks_execution_time_idx ON gru_scheduled_tasks (execution_time);
CREATE INDEX gru_scheduled_tasks_last_heartbeat_idx ON gru_scheduled_tasks (last_heartbeat);
CREATE INDEX gru_scheduled_tasks_priority_execution_time_idx ON gru_scheduled_tasks (priority DESC, execution_time ASC);
