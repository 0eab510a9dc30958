/** Idempotency keys: a retried command with the same key has exactly one effect. */
@NullMarked
package org.opengru.core.idempotency;

import org.jspecify.annotations.NullMarked;
