/** The accusé de réception électronique (CRPA L112-11, R112-11-1, R112-11-2) and its adjustable template. */
@NullMarked
package org.opengru.core.acknowledgment;

import org.jspecify.annotations.NullMarked;
