/** Benchmarks of gru-documents: upload throughput against a plain copy, and the memory of a 1 GiB upload. */
@NullMarked
package org.opengru.benchmarks.documents;

import org.jspecify.annotations.NullMarked;
