/** In-memory request store; not API. */
@NullMarked
package org.opengru.core.request.internal;

import org.jspecify.annotations.NullMarked;
