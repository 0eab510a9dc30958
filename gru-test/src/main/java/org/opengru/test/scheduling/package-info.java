/** The scheduling store contract, its fixtures, and a small connection pool for concurrency tests. */
@NullMarked
package org.opengru.test.scheduling;

import org.jspecify.annotations.NullMarked;
