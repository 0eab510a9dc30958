/** In-memory RGPD stores; not API. */
@NullMarked
package org.opengru.core.rgpd.internal;

import org.jspecify.annotations.NullMarked;
