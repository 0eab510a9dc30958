/** Implementation details; not part of the public API. */
@NullMarked
package org.opengru.franceconnect.internal;

import org.jspecify.annotations.NullMarked;
