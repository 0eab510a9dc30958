/** Benchmarks: each prints {@code BENCH <name> <value> <unit>} lines through {@link org.opengru.benchmarks.Bench}. */
@NullMarked
package org.opengru.benchmarks;

import org.jspecify.annotations.NullMarked;
