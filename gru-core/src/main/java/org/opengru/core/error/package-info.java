/** The typed exception hierarchy shared by every OpenGRU module. */
@NullMarked
package org.opengru.core.error;

import org.jspecify.annotations.NullMarked;
