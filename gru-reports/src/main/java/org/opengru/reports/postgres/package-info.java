/** The signalements in PostgreSQL: the store, the migrations and the data map. */
@NullMarked
package org.opengru.reports.postgres;

import org.jspecify.annotations.NullMarked;
