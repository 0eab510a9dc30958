/** In-memory exchange store; not API. */
@NullMarked
package org.opengru.core.exchange.internal;

import org.jspecify.annotations.NullMarked;
