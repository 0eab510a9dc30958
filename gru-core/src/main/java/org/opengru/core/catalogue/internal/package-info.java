/** In-memory catalogue store and the schema validator; not API. */
@NullMarked
package org.opengru.core.catalogue.internal;

import org.jspecify.annotations.NullMarked;
