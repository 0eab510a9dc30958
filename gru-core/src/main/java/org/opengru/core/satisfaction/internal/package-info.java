/** Implementations of the satisfaction store; not API. */
@NullMarked
package org.opengru.core.satisfaction.internal;

import org.jspecify.annotations.NullMarked;
