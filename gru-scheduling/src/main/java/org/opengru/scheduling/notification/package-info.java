/**
 * The bridge from appointments to gru-core's notifications: confirmations, reschedules, cancellations,
 * waiting-list offers and reminders become {@link org.opengru.core.notification.AppointmentNotice}s with
 * the invitation attached, and reminders are checked against the booking's current state right before
 * they go out.
 */
@NullMarked
package org.opengru.scheduling.notification;

import org.jspecify.annotations.NullMarked;
