/**
 * Registrations for events with limited places (inscriptions: a holiday camp, a workshop, a visit):
 * sessions with a capacity the store never exceeds (across nodes), a limit per person and event, a
 * waiting list promoted in order when a place frees, cancellation until a deadline, an optional payment
 * hold, and a child registered by a parent through the household.
 */
@NullMarked
package org.opengru.scheduling.registration;

import org.jspecify.annotations.NullMarked;
