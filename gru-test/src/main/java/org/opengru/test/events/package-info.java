/** Recording and asserting the domain events a piece of code published. */
@NullMarked
package org.opengru.test.events;

import org.jspecify.annotations.NullMarked;
