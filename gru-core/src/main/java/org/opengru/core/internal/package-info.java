/** Shared helpers of gru-core; not API. */
@NullMarked
package org.opengru.core.internal;

import org.jspecify.annotations.NullMarked;
