/** In-memory usager stores; not API. */
@NullMarked
package org.opengru.core.usager.internal;

import org.jspecify.annotations.NullMarked;
