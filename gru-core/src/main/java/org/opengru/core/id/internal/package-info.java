/** In-memory implementations of the identifier ports; not API. */
@NullMarked
package org.opengru.core.id.internal;

import org.jspecify.annotations.NullMarked;
