/** Bookings (rendez-vous): the store contract, the in-memory store and the booking service. */
@NullMarked
package org.opengru.scheduling.booking;

import org.jspecify.annotations.NullMarked;
