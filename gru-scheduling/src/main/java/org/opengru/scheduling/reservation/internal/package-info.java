/** The in-memory reservation store. */
@NullMarked
package org.opengru.scheduling.reservation.internal;

import org.jspecify.annotations.NullMarked;
