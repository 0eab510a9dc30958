package org.opengru.scheduling.booking;

import java.util.List;
import java.util.Optional;
import org.opengru.core.error.ConcurrentUpdateException;
import org.opengru.core.error.GruException;
import org.opengru.core.error.IllegalTransitionException;

/** The booking state machine as data: every legal (from, action, to), in one table. */
public final class BookingLifecycle {

    /**
     * One legal move.
     *
     * @param from the status it leaves
     * @param action the action
     * @param to the status it leads to
     */
    public record Transition(BookingStatus from, BookingAction action, BookingStatus to) {}

    /**
     * Every legal move: from a status, by an action, to a status. The one table the stores and the service
     * consult.
     */
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

    /**
     * The status after the action, when the table has the move.
     *
     * @param from where the booking stands
     * @param action the action
     * @return the new status, or empty when the move is illegal
     */
    public static Optional<BookingStatus> next(BookingStatus from, BookingAction action) {
        for (Transition t : TRANSITIONS) {
            if (t.from() == from && t.action() == action) {
                return Optional.of(t.to());
            }
        }
        return Optional.empty();
    }

    /**
     * The status after the action, or an {@link IllegalTransitionException} naming both.
     *
     * @param id the booking, for the message
     * @param from where the booking stands
     * @param action the action
     * @param actor who acts, for the message
     * @return the new status
     * @throws IllegalTransitionException when the table has no such move
     */
    public static BookingStatus require(BookingId id, BookingStatus from, BookingAction action, String actor) {
        return next(from, action).orElseThrow(() -> illegal(id, from, action, actor));
    }

    /**
     * Whether no move of the table leaves the status: a booking there stays there for good.
     *
     * @param status the status
     * @return {@code true} for a final status
     */
    public static boolean isFinal(BookingStatus status) {
        return TRANSITIONS.stream().noneMatch(t -> t.from() == status);
    }

    /**
     * Why a store could not make a move its caller planned from {@code expected} on a booking now in
     * {@code actual}: an {@link IllegalTransitionException} when the table has no such move from {@code
     * actual} (a final state, or one the action does not start from), since retrying can never succeed;
     * otherwise a {@link ConcurrentUpdateException} (the booking changed meanwhile: re-read and retry).
     *
     * @param id the booking
     * @param expected the status the caller planned from
     * @param actual the status the booking has now
     * @param action the action
     * @param actor who acts, for the message
     * @return the exception to throw
     */
    public static GruException refused(
            BookingId id, BookingStatus expected, BookingStatus actual, BookingAction action, String actor) {
        if (next(actual, action).isEmpty()) {
            return illegal(id, actual, action, actor);
        }
        return new ConcurrentUpdateException("booking", id.toString(), expected.ordinal(), actual.ordinal());
    }

    /**
     * Checks that a reschedule planned from version {@code expectedSequence} can still be made on the
     * booking as it stands: {@link #refused} when it is no longer BOOKED, a {@link
     * ConcurrentUpdateException} when another change came first.
     *
     * @param now the booking as it stands
     * @param expectedSequence the sequence the caller read
     * @param actor who acts, for the message
     */
    public static void checkMove(Booking now, int expectedSequence, String actor) {
        if (now.status() != BookingStatus.BOOKED) {
            throw refused(now.id(), BookingStatus.BOOKED, now.status(), BookingAction.RESCHEDULE, actor);
        }
        if (now.sequence() != expectedSequence) {
            throw new ConcurrentUpdateException("booking", now.id().toString(), expectedSequence, now.sequence());
        }
    }

    private static IllegalTransitionException illegal(
            BookingId id, BookingStatus from, BookingAction action, String actor) {
        List<String> starts = TRANSITIONS.stream()
                .filter(t -> t.action() == action)
                .map(t -> t.from().name())
                .distinct()
                .toList();
        String reason = isFinal(from)
                ? from + " is a final state of the booking lifecycle: no move leaves it"
                : action + " moves a booking only from " + String.join(" or ", starts);
        return new IllegalTransitionException("booking", id.toString(), from.name(), action.name(), actor, reason);
    }
}
