/** Identifiers: typed ids (time-ordered UUIDv7) and the short human reference read over the phone. */
@NullMarked
package org.opengru.core.id;

import org.jspecify.annotations.NullMarked;
