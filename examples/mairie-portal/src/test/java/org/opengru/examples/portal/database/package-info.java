/** The portal's database: embedded PostgreSQL by default, an external one when configured. */
@NullMarked
package org.opengru.examples.portal.database;

import org.jspecify.annotations.NullMarked;
