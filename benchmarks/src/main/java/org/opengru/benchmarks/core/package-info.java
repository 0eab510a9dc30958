/** gru-core benchmarks: request lifecycle throughput in memory. */
@NullMarked
package org.opengru.benchmarks.core;

import org.jspecify.annotations.NullMarked;
