/** Scheduling benchmarks: booking throughput on durable PostgreSQL, the opening rush, availability cost. */
@NullMarked
package org.opengru.benchmarks.scheduling;

import org.jspecify.annotations.NullMarked;
