/** The demo's and the tests' database: an embedded PostgreSQL, unless {@code spring.datasource.url} names one. */
@NullMarked
package org.opengru.examples.portal.database;

import org.jspecify.annotations.NullMarked;
