/** The payment store in PostgreSQL (plain JDBC), its migrations and its share of the data map. */
@NullMarked
package org.opengru.payments.postgres;

import org.jspecify.annotations.NullMarked;
