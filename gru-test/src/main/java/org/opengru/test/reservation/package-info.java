/** The contracts of the reservation and registration stores, with their races between two nodes. */
@NullMarked
package org.opengru.test.reservation;

import org.jspecify.annotations.NullMarked;
