/** Appointment slots (créneaux) and bookings at the town hall. */
@NullMarked
package org.opengru.scheduling;

import org.jspecify.annotations.NullMarked;
