package org.opengru.scheduling.registration.internal;

import java.time.Duration;
import java.time.Instant;
import org.opengru.core.principal.ActorKind;
import org.opengru.core.principal.ActorRef;
import org.opengru.scheduling.hold.TrailEntry;
import org.opengru.scheduling.registration.EventSession;
import org.opengru.scheduling.registration.Registration;
import org.opengru.scheduling.registration.RegistrationStatus;

/** How both registration stores give a place and write it in the trail, in one place. */
public final class Places {

    /** Who promotes from the waiting list, in the trail. */
    public static final ActorRef WAITING_LIST = new ActorRef(ActorKind.SYSTEM, "waiting-list");

    private Places() {}

    /** The registration with a place (awaiting payment or confirmed) or waiting. */
    public static Registration placed(
            Registration r, EventSession session, boolean place, Instant at, long position, int version) {
        return placed(r, session.paymentHold(), place, at, position, version);
    }

    /** The registration with a place or waiting, a place held {@code paymentHold} when it is to be paid. */
    public static Registration placed(
            Registration r, Duration paymentHold, boolean place, Instant at, long position, int version) {
        RegistrationStatus status = !place
                ? RegistrationStatus.WAITING
                : r.priceCents() > 0 ? RegistrationStatus.AWAITING_PAYMENT : RegistrationStatus.CONFIRMED;
        return new Registration(
                r.id(),
                r.tenant(),
                r.session(),
                r.event(),
                r.participant(),
                r.registeredBy(),
                status,
                r.priceCents(),
                status == RegistrationStatus.AWAITING_PAYMENT ? at.plus(paymentHold) : null,
                r.paymentReference(),
                position,
                version,
                r.createdAt(),
                at);
    }

    /** The trail entry of a new registration. */
    public static TrailEntry registered(Registration r, ActorRef actor) {
        return new TrailEntry(
                r.tenant(),
                r.id().value(),
                "register",
                actor,
                r.createdAt(),
                null,
                r.status().name(),
                null);
    }

    /** The trail entry of a promotion from the waiting list. */
    public static TrailEntry promoted(Registration p, Instant at) {
        return new TrailEntry(
                p.tenant(),
                p.id().value(),
                "promote",
                WAITING_LIST,
                at,
                RegistrationStatus.WAITING.name(),
                p.status().name(),
                null);
    }
}
