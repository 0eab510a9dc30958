/** Persistence benchmarks: submissions against raw inserts, timeline pages, on durable PostgreSQL. */
@NullMarked
package org.opengru.benchmarks.persistence;

import org.jspecify.annotations.NullMarked;
