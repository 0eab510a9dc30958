package org.opengru.reports;

import java.util.Optional;
import org.opengru.core.error.IllegalTransitionException;

/**
 * Every legal change of a signalement's status, and who may make it: the one table the service, the
 * agents' screens (which actions to offer) and the docs read. Anything else is an {@link
 * IllegalTransitionException} and changes nothing.
 */
public enum ReportTransition {
    /** The reporter followed the e-mail's link: the report is filed. */
    VERIFY(ReportStatus.AWAITING_VERIFICATION, ReportStatus.RECEIVED, Actor.REPORTER),
    /** An agent takes the report in charge. */
    TAKE(ReportStatus.RECEIVED, ReportStatus.IN_PROGRESS, Actor.AGENT),
    /** An agent resolves a report without taking it first. */
    RESOLVE_AT_ONCE(ReportStatus.RECEIVED, ReportStatus.RESOLVED, Actor.AGENT),
    /** An agent rejects a report without taking it first (not the commune's, a duplicate). */
    REJECT_AT_ONCE(ReportStatus.RECEIVED, ReportStatus.REJECTED, Actor.AGENT),
    /** An agent resolves the report taken in charge. */
    RESOLVE(ReportStatus.IN_PROGRESS, ReportStatus.RESOLVED, Actor.AGENT),
    /** An agent rejects the report taken in charge. */
    REJECT(ReportStatus.IN_PROGRESS, ReportStatus.REJECTED, Actor.AGENT),
    /** The problem came back, or was closed by mistake. */
    REOPEN(ReportStatus.RESOLVED, ReportStatus.IN_PROGRESS, Actor.AGENT);

    /** Who makes a move. */
    public enum Actor {
        /** The reporter without an account, through the verification link. */
        REPORTER,
        /** An agent of the team the report is routed to. */
        AGENT
    }

    private final ReportStatus from;
    private final ReportStatus to;
    private final Actor actor;

    ReportTransition(ReportStatus from, ReportStatus to, Actor actor) {
        this.from = from;
        this.to = to;
        this.actor = actor;
    }

    /**
     * The status before the move.
     *
     * @return the status
     */
    public ReportStatus from() {
        return from;
    }

    /**
     * The status after the move.
     *
     * @return the status
     */
    public ReportStatus to() {
        return to;
    }

    /**
     * Who may make the move.
     *
     * @return the actor
     */
    public Actor actor() {
        return actor;
    }

    /**
     * The move from one status to another by this actor, if the table has it.
     *
     * @param from the status before
     * @param to the status after
     * @param actor who moves it
     * @return the move, or empty
     */
    public static Optional<ReportTransition> find(ReportStatus from, ReportStatus to, Actor actor) {
        for (ReportTransition t : values()) {
            if (t.from == from && t.to == to && t.actor == actor) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /**
     * The move, or an {@link IllegalTransitionException} naming the report, both statuses and the actor.
     *
     * @param report the report, named in the exception
     * @param from the status before
     * @param to the status after
     * @param actor who moves it
     * @return the move
     * @throws IllegalTransitionException when the table has no such move
     */
    public static ReportTransition require(ReportId report, ReportStatus from, ReportStatus to, Actor actor) {
        return find(from, to, actor)
                .orElseThrow(() -> new IllegalTransitionException(
                        "report",
                        report.toString(),
                        from.name(),
                        "move to " + to.name(),
                        actor.name().toLowerCase(java.util.Locale.ROOT),
                        "not in the report transition table"));
    }
}
