/** The PostgreSQL booking store in plain JDBC, with its migrations in the jar. */
@NullMarked
package org.opengru.scheduling.postgres;

import org.jspecify.annotations.NullMarked;
