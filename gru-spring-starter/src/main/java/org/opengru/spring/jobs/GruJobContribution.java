package org.opengru.spring.jobs;

import java.util.List;
import org.opengru.core.job.Job;

/**
 * Jobs a module adds to {@link GruJobs}. Each module's auto-configuration defines one; an application may
 * define its own to run more periodic work on the same scheduler (on PostgreSQL, once across the nodes).
 * Each job needs a name of its own: two jobs with one name fail the start, naming both beans.
 *
 * <pre>{@code
 * @Bean
 * GruJobContribution nightlyExport(Exporter exporter) {
 *     return () -> List.of(Job.every("nightly-export", Duration.ofHours(24), exporter::run));
 * }
 * }</pre>
 */
@FunctionalInterface
public interface GruJobContribution {

    List<Job> jobs();
}
