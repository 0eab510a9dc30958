/** Implementations of the statistics sources; not API. */
@NullMarked
package org.opengru.core.stats.internal;

import org.jspecify.annotations.NullMarked;
