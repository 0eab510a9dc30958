/** In-memory outbox; not API. */
@NullMarked
package org.opengru.core.outbox.internal;

import org.jspecify.annotations.NullMarked;
