/** Implementation helpers; not part of the public API. */
@NullMarked
package org.opengru.scheduling.internal;

import org.jspecify.annotations.NullMarked;
