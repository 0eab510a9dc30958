/** One real PostgreSQL server per test JVM, from the embedded binaries on Maven Central. */
@NullMarked
package org.opengru.test.postgres;

import org.jspecify.annotations.NullMarked;
