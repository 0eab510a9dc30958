package org.opengru.spring.jobs;

import java.util.List;

/**
 * Jobs a module adds to {@link GruJobs}. Each module's auto-configuration defines one; an application may
 * define its own to run more periodic work on the same thread.
 */
@FunctionalInterface
public interface GruJobContribution {

    List<GruJobs.Job> jobs();
}
