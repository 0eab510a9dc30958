/**
 * Reservations of rooms and equipment for longer periods (location de salles et de matériel): opening
 * rules, minimum and maximum durations, tariffs by kind of usager, a deposit (caution), required pieces,
 * approval by an agent, a payment hold, and no double reservation, enforced by the store (an exclusion
 * constraint in PostgreSQL).
 */
@NullMarked
package org.opengru.scheduling.reservation;

import org.jspecify.annotations.NullMarked;
