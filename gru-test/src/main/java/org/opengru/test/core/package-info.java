/**
 * Abstract contract test suites, one per gru-core port: extend one with the factory of your adapter and
 * JUnit runs the whole contract against it (OpenGRU runs each against its in-memory and PostgreSQL
 * adapters). Also a settable clock for tests.
 */
@NullMarked
package org.opengru.test.core;

import org.jspecify.annotations.NullMarked;
