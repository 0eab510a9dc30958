/** In-memory team directory; not API. */
@NullMarked
package org.opengru.core.tenancy.internal;

import org.jspecify.annotations.NullMarked;
