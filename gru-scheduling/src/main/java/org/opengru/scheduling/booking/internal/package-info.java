/** The in-memory booking store and other implementation details of bookings. */
@NullMarked
package org.opengru.scheduling.booking.internal;

import org.jspecify.annotations.NullMarked;
