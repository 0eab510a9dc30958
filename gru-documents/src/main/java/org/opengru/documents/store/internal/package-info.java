/** The in-memory and PostgreSQL (plain JDBC) metadata stores. */
@NullMarked
package org.opengru.documents.store.internal;

import org.jspecify.annotations.NullMarked;
