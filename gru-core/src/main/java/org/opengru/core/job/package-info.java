/**
 * Periodic jobs (the outbox relay, the deadline sweeper, retention, expired holds...): a {@link
 * org.opengru.core.job.Job} says what to run and how often, a {@link org.opengru.core.job.JobScheduler}
 * runs it, in one JVM ({@link org.opengru.core.job.JobScheduler#local}) or once across the nodes sharing
 * a PostgreSQL ({@code org.opengru.core.jdbc.PostgresJobScheduler}).
 */
@NullMarked
package org.opengru.core.job;

import org.jspecify.annotations.NullMarked;
