/** In-memory timeline; not API. */
@NullMarked
package org.opengru.core.timeline.internal;

import org.jspecify.annotations.NullMarked;
