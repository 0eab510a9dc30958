/**
 * What reservations and registrations share: a state machine as one table of transitions with the roles
 * allowed and a guard ({@link Lifecycle}), payment holds (an item that must be paid keeps its period or
 * place until paid or until the hold expires), the idempotent outcome of a payment, and the audit trail.
 * Nothing here depends on a payment provider: the amount due and {@code confirmPayment} are exposed for
 * whoever wires one (gru-payments).
 */
@NullMarked
package org.opengru.scheduling.hold;

import org.jspecify.annotations.NullMarked;
