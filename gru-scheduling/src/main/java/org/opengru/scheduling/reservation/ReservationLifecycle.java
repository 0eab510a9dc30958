package org.opengru.scheduling.reservation;

import static org.opengru.scheduling.hold.Guard.ALWAYS;
import static org.opengru.scheduling.hold.Guard.BEFORE_DEADLINE;
import static org.opengru.scheduling.hold.Guard.BEFORE_DEADLINE_PAID;
import static org.opengru.scheduling.hold.Guard.BEFORE_DEADLINE_UNPAID;
import static org.opengru.scheduling.hold.Guard.HOLD_OVER;
import static org.opengru.scheduling.hold.Guard.PIECES_PROVIDED_NOTHING_DUE;
import static org.opengru.scheduling.hold.Guard.PIECES_PROVIDED_PAYMENT_DUE;
import static org.opengru.scheduling.hold.Guard.PLACE_FREE;
import static org.opengru.scheduling.hold.Guard.PLACE_TAKEN;
import static org.opengru.scheduling.reservation.ReservationAction.APPROVE;
import static org.opengru.scheduling.reservation.ReservationAction.CANCEL;
import static org.opengru.scheduling.reservation.ReservationAction.CONFIRM_PAYMENT;
import static org.opengru.scheduling.reservation.ReservationAction.EXPIRE_HOLD;
import static org.opengru.scheduling.reservation.ReservationAction.RECORD_REFUND;
import static org.opengru.scheduling.reservation.ReservationAction.REJECT;
import static org.opengru.scheduling.reservation.ReservationStatus.AWAITING_PAYMENT;
import static org.opengru.scheduling.reservation.ReservationStatus.CANCELLED;
import static org.opengru.scheduling.reservation.ReservationStatus.CONFIRMED;
import static org.opengru.scheduling.reservation.ReservationStatus.EXPIRED;
import static org.opengru.scheduling.reservation.ReservationStatus.REFUNDED;
import static org.opengru.scheduling.reservation.ReservationStatus.REFUND_DUE;
import static org.opengru.scheduling.reservation.ReservationStatus.REJECTED;
import static org.opengru.scheduling.reservation.ReservationStatus.REQUESTED;

import java.util.List;
import java.util.Set;
import org.opengru.scheduling.hold.Guard;
import org.opengru.scheduling.hold.Lifecycle;
import org.opengru.scheduling.hold.Role;
import org.opengru.scheduling.hold.Transition;

/** The reservation state machine: one table of (from, action, to, roles, guard), read in order. */
public final class ReservationLifecycle {

    private static final Set<Role> USAGER_OR_AGENT = Set.of(Role.USAGER, Role.AGENT);
    private static final Set<Role> AGENT = Set.of(Role.AGENT);
    private static final Set<Role> SYSTEM = Set.of(Role.SYSTEM);

    /** The reservation's state machine: one table of (from, action, to, roles, guard), read in order. */
    public static final Lifecycle<ReservationStatus, ReservationAction> TABLE = new Lifecycle<>(
            "reservation",
            List.of(
                    t(REQUESTED, APPROVE, AWAITING_PAYMENT, AGENT, PIECES_PROVIDED_PAYMENT_DUE),
                    t(REQUESTED, APPROVE, CONFIRMED, AGENT, PIECES_PROVIDED_NOTHING_DUE),
                    t(REQUESTED, REJECT, REJECTED, AGENT, ALWAYS),
                    t(REQUESTED, CANCEL, CANCELLED, USAGER_OR_AGENT, BEFORE_DEADLINE),
                    t(AWAITING_PAYMENT, CONFIRM_PAYMENT, CONFIRMED, SYSTEM, ALWAYS),
                    t(AWAITING_PAYMENT, EXPIRE_HOLD, EXPIRED, SYSTEM, HOLD_OVER),
                    t(AWAITING_PAYMENT, CANCEL, CANCELLED, USAGER_OR_AGENT, BEFORE_DEADLINE),
                    // A payment after the hold: accepted while the period is free, else refunded.
                    t(EXPIRED, CONFIRM_PAYMENT, CONFIRMED, SYSTEM, PLACE_FREE),
                    t(EXPIRED, CONFIRM_PAYMENT, REFUND_DUE, SYSTEM, PLACE_TAKEN),
                    // A payment arriving after a cancellation is never lost either.
                    t(CANCELLED, CONFIRM_PAYMENT, REFUND_DUE, SYSTEM, ALWAYS),
                    t(CONFIRMED, CANCEL, REFUND_DUE, USAGER_OR_AGENT, BEFORE_DEADLINE_PAID),
                    t(CONFIRMED, CANCEL, CANCELLED, USAGER_OR_AGENT, BEFORE_DEADLINE_UNPAID),
                    t(REFUND_DUE, RECORD_REFUND, REFUNDED, AGENT, ALWAYS)));

    private ReservationLifecycle() {}

    private static Transition<ReservationStatus, ReservationAction> t(
            ReservationStatus from, ReservationAction action, ReservationStatus to, Set<Role> roles, Guard guard) {
        return new Transition<>(from, action, to, roles, guard);
    }
}
