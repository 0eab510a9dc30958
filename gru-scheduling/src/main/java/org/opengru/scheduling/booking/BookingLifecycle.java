package org.opengru.scheduling.booking;

import java.util.List;
import java.util.Optional;
import org.opengru.core.error.IllegalTransitionException;

/** The booking state machine as data: every legal (from, action, to), in one table. */
public final class BookingLifecycle {

    /** One legal move. */
    public record Transition(BookingStatus from, BookingAction action, BookingStatus to) {}

    public static final List<Transition> TRANSITIONS = List.of(
            new Transition(BookingStatus.HELD, BookingAction.CONFIRM_HOLD, BookingStatus.BOOKED),
            new Transition(BookingStatus.HELD, BookingAction.EXPIRE_HOLD, BookingStatus.EXPIRED),
            new Transition(BookingStatus.HELD, BookingAction.RELEASE_HOLD, BookingStatus.EXPIRED),
            new Transition(BookingStatus.BOOKED, BookingAction.CANCEL_BY_USAGER, BookingStatus.CANCELLED_BY_USAGER),
            new Transition(BookingStatus.BOOKED, BookingAction.CANCEL_BY_AGENT, BookingStatus.CANCELLED_BY_AGENT),
            new Transition(BookingStatus.BOOKED, BookingAction.RESCHEDULE, BookingStatus.BOOKED),
            new Transition(BookingStatus.BOOKED, BookingAction.MARK_ATTENDED, BookingStatus.ATTENDED),
            new Transition(BookingStatus.BOOKED, BookingAction.MARK_NO_SHOW, BookingStatus.NO_SHOW));

    private BookingLifecycle() {}

    public static Optional<BookingStatus> next(BookingStatus from, BookingAction action) {
        for (Transition t : TRANSITIONS) {
            if (t.from() == from && t.action() == action) {
                return Optional.of(t.to());
            }
        }
        return Optional.empty();
    }

    /** The status after the action, or an {@link IllegalTransitionException} naming both. */
    public static BookingStatus require(BookingId id, BookingStatus from, BookingAction action, String actor) {
        return next(from, action)
                .orElseThrow(() -> new IllegalTransitionException(
                        "booking", id.toString(), from.name(), action.name(), actor, "not in the booking lifecycle"));
    }
}
