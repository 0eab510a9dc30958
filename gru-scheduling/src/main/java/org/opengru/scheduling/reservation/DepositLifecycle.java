package org.opengru.scheduling.reservation;

import static org.opengru.scheduling.reservation.DepositAction.KEEP;
import static org.opengru.scheduling.reservation.DepositAction.RECEIVE;
import static org.opengru.scheduling.reservation.DepositAction.RECORD_RETURNED;
import static org.opengru.scheduling.reservation.DepositAction.RETURN;
import static org.opengru.scheduling.reservation.DepositStatus.DUE;
import static org.opengru.scheduling.reservation.DepositStatus.HELD;
import static org.opengru.scheduling.reservation.DepositStatus.KEPT;
import static org.opengru.scheduling.reservation.DepositStatus.RETURNED;
import static org.opengru.scheduling.reservation.DepositStatus.RETURN_DUE;

import java.util.List;
import java.util.Set;
import org.opengru.scheduling.hold.Guard;
import org.opengru.scheduling.hold.Lifecycle;
import org.opengru.scheduling.hold.Role;
import org.opengru.scheduling.hold.Transition;

/**
 * The deposit's state machine, beside the reservation's: one table of (from, action, to, roles, guard). A
 * deposit paid with the reservation is received by the system when the payment confirms it; one taken apart
 * is recorded by an agent. A paid reservation cancelled (REFUND_DUE) gives its deposit back with the rest of
 * the payment: {@link ReservationService} moves it to RETURN_DUE, and to RETURNED when the refund is recorded.
 */
public final class DepositLifecycle {

    private static final Set<Role> AGENT = Set.of(Role.AGENT);

    /** The deposit's state machine: one table of (from, action, to, roles, guard), read in order. */
    public static final Lifecycle<DepositStatus, DepositAction> TABLE = new Lifecycle<>(
            "deposit",
            List.of(
                    t(DUE, RECEIVE, HELD, Set.of(Role.SYSTEM, Role.AGENT)),
                    t(HELD, RETURN, RETURN_DUE, AGENT),
                    t(HELD, KEEP, KEPT, AGENT),
                    t(RETURN_DUE, RECORD_RETURNED, RETURNED, AGENT)));

    private DepositLifecycle() {}

    private static Transition<DepositStatus, DepositAction> t(
            DepositStatus from, DepositAction action, DepositStatus to, Set<Role> roles) {
        return new Transition<>(from, action, to, roles, Guard.ALWAYS);
    }
}
