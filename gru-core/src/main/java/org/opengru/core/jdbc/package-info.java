/**
 * PostgreSQL persistence in plain JDBC: a small transaction helper so that one command's writes (the
 * request row, its audit entry and its outbox events) share one transaction, the schema migrations
 * shipped in the jar, and the factory of every PostgreSQL adapter.
 */
@NullMarked
package org.opengru.core.jdbc;

import org.jspecify.annotations.NullMarked;
