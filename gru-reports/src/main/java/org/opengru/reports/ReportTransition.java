package org.opengru.reports;

import java.util.Optional;
import org.opengru.core.error.IllegalTransitionException;

/**
 * Every legal change of a signalement's status, and who may make it: the one table the service, the
 * agents' screens (which actions to offer) and the docs read. Anything else is an {@link
 * IllegalTransitionException} and changes nothing.
 */
public enum ReportTransition {
    VERIFY(ReportStatus.AWAITING_VERIFICATION, ReportStatus.RECEIVED, Actor.REPORTER),
    TAKE(ReportStatus.RECEIVED, ReportStatus.IN_PROGRESS, Actor.AGENT),
    RESOLVE_AT_ONCE(ReportStatus.RECEIVED, ReportStatus.RESOLVED, Actor.AGENT),
    REJECT_AT_ONCE(ReportStatus.RECEIVED, ReportStatus.REJECTED, Actor.AGENT),
    RESOLVE(ReportStatus.IN_PROGRESS, ReportStatus.RESOLVED, Actor.AGENT),
    REJECT(ReportStatus.IN_PROGRESS, ReportStatus.REJECTED, Actor.AGENT),
    /** The problem came back, or was closed by mistake. */
    REOPEN(ReportStatus.RESOLVED, ReportStatus.IN_PROGRESS, Actor.AGENT);

    /** Who makes a move. */
    public enum Actor {
        REPORTER,
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

    public ReportStatus from() {
        return from;
    }

    public ReportStatus to() {
        return to;
    }

    public Actor actor() {
        return actor;
    }

    /** The move from one status to another by this actor, if the table has it. */
    public static Optional<ReportTransition> find(ReportStatus from, ReportStatus to, Actor actor) {
        for (ReportTransition t : values()) {
            if (t.from == from && t.to == to && t.actor == actor) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** The move, or an {@link IllegalTransitionException} naming the report, both statuses and the actor. */
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
