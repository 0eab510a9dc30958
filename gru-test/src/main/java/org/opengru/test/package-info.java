/**
 * The OpenGRU test kit, for test scope: abstract store contract tests that any adapter (ours or a
 * vendor's) must pass, fixtures, event assertions and a shared embedded PostgreSQL.
 */
@NullMarked
package org.opengru.test;

import org.jspecify.annotations.NullMarked;
