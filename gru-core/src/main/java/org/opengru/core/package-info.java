/** OpenGRU core: usagers, démarches, requests and their lifecycle. */
@NullMarked
package org.opengru.core;

import org.jspecify.annotations.NullMarked;
