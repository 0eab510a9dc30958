/** Implementations of the change feed; not API. */
@NullMarked
package org.opengru.core.changes.internal;

import org.jspecify.annotations.NullMarked;
