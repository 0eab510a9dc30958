package org.opengru.scheduling.registration;

import static org.opengru.scheduling.hold.Guard.ALWAYS;
import static org.opengru.scheduling.hold.Guard.BEFORE_DEADLINE;
import static org.opengru.scheduling.hold.Guard.BEFORE_DEADLINE_PAID;
import static org.opengru.scheduling.hold.Guard.BEFORE_DEADLINE_UNPAID;
import static org.opengru.scheduling.hold.Guard.HOLD_OVER;
import static org.opengru.scheduling.hold.Guard.NOTHING_DUE;
import static org.opengru.scheduling.hold.Guard.PAYMENT_DUE;
import static org.opengru.scheduling.hold.Guard.PLACE_FREE;
import static org.opengru.scheduling.hold.Guard.PLACE_TAKEN;
import static org.opengru.scheduling.registration.RegistrationAction.CANCEL;
import static org.opengru.scheduling.registration.RegistrationAction.CONFIRM_PAYMENT;
import static org.opengru.scheduling.registration.RegistrationAction.EXPIRE_HOLD;
import static org.opengru.scheduling.registration.RegistrationAction.PROMOTE;
import static org.opengru.scheduling.registration.RegistrationAction.RECORD_REFUND;
import static org.opengru.scheduling.registration.RegistrationStatus.AWAITING_PAYMENT;
import static org.opengru.scheduling.registration.RegistrationStatus.CANCELLED;
import static org.opengru.scheduling.registration.RegistrationStatus.CONFIRMED;
import static org.opengru.scheduling.registration.RegistrationStatus.EXPIRED;
import static org.opengru.scheduling.registration.RegistrationStatus.REFUNDED;
import static org.opengru.scheduling.registration.RegistrationStatus.REFUND_DUE;
import static org.opengru.scheduling.registration.RegistrationStatus.WAITING;

import java.util.List;
import java.util.Set;
import org.opengru.scheduling.hold.Guard;
import org.opengru.scheduling.hold.Lifecycle;
import org.opengru.scheduling.hold.Role;
import org.opengru.scheduling.hold.Transition;

/**
 * The registration state machine: one table of (from, action, to, roles, guard), read in order. A new
 * registration starts with a place (AWAITING_PAYMENT, or CONFIRMED when free) or on the waiting list
 * (WAITING), as the store finds the session; PROMOTE is the store's, in the change that frees a place.
 */
public final class RegistrationLifecycle {

    private static final Set<Role> USAGER_OR_AGENT = Set.of(Role.USAGER, Role.AGENT);
    private static final Set<Role> SYSTEM = Set.of(Role.SYSTEM);

    /** The registration's state machine: one table of (from, action, to, roles, guard), read in order. */
    public static final Lifecycle<RegistrationStatus, RegistrationAction> TABLE = new Lifecycle<>(
            "registration",
            List.of(
                    t(WAITING, PROMOTE, AWAITING_PAYMENT, SYSTEM, PAYMENT_DUE),
                    t(WAITING, PROMOTE, CONFIRMED, SYSTEM, NOTHING_DUE),
                    t(WAITING, CANCEL, CANCELLED, USAGER_OR_AGENT, ALWAYS),
                    t(AWAITING_PAYMENT, CONFIRM_PAYMENT, CONFIRMED, SYSTEM, ALWAYS),
                    t(AWAITING_PAYMENT, EXPIRE_HOLD, EXPIRED, SYSTEM, HOLD_OVER),
                    t(AWAITING_PAYMENT, CANCEL, CANCELLED, USAGER_OR_AGENT, BEFORE_DEADLINE),
                    t(CONFIRMED, CANCEL, REFUND_DUE, USAGER_OR_AGENT, BEFORE_DEADLINE_PAID),
                    t(CONFIRMED, CANCEL, CANCELLED, USAGER_OR_AGENT, BEFORE_DEADLINE_UNPAID),
                    // A payment after the hold: accepted while a place is free, else refunded.
                    t(EXPIRED, CONFIRM_PAYMENT, CONFIRMED, SYSTEM, PLACE_FREE),
                    t(EXPIRED, CONFIRM_PAYMENT, REFUND_DUE, SYSTEM, PLACE_TAKEN),
                    t(CANCELLED, CONFIRM_PAYMENT, REFUND_DUE, SYSTEM, ALWAYS),
                    t(REFUND_DUE, RECORD_REFUND, REFUNDED, Set.of(Role.AGENT), ALWAYS)));

    private RegistrationLifecycle() {}

    private static Transition<RegistrationStatus, RegistrationAction> t(
            RegistrationStatus from, RegistrationAction action, RegistrationStatus to, Set<Role> roles, Guard guard) {
        return new Transition<>(from, action, to, roles, guard);
    }
}
