package org.opengru.scheduling.hours;

import org.jspecify.annotations.Nullable;
import org.opengru.scheduling.internal.Check;

/**
 * A change to the weekly hours: a closure (fermeture exceptionnelle), an extra opening (permanence du
 * samedi), or an agent's absence. The window is a part of the day, or the whole day when null.
 *
 * @param kind closure, extra opening or absence
 * @param target the site or one desk
 * @param recurrence the dates it applies on
 * @param window the hours, or {@code null} for the whole day
 * @param reason why, for the agents
 */
public record ScheduleException(
        Kind kind,
        ScheduleTarget target,
        Recurrence recurrence,
        @Nullable TimeWindow window,
        String reason) {

    /** What the exception does. */
    public enum Kind {
        /** Closed although the weekly hours say open. */
        CLOSURE,
        /** Open although the weekly hours (or a public holiday) say closed. */
        EXTRA_OPENING,
        /** A resource's agent is away: like a closure of that resource only. */
        ABSENCE
    }

    /**
     * Checks the exception.
     *
     * @param kind closure, extra opening or absence
     * @param target the site or one desk
     * @param recurrence the dates it applies on
     * @param window the hours, or {@code null} for the whole day
     * @param reason why, for the agents
     * @throws org.opengru.core.error.ValidationException naming the missing field, a blank or too long reason, or an
     *     absence that names no desk
     */
    public ScheduleException {
        Check.required("exception.kind", kind);
        Check.required("exception.target", target);
        Check.required("exception.recurrence", recurrence);
        Check.that(
                kind != Kind.ABSENCE || target.resource() != null,
                "exception.target",
                target,
                "an absence names a resource");
        reason = Check.text("exception.reason", reason, 500);
    }

    /**
     * The site or desk is closed (works, a closure decided by the commune).
     *
     * @param target the site or one desk
     * @param when the dates
     * @param window the hours closed, or {@code null} for the whole day
     * @param reason why, for the agents
     * @return the exception
     */
    public static ScheduleException closure(
            ScheduleTarget target, Recurrence when, @Nullable TimeWindow window, String reason) {
        return new ScheduleException(Kind.CLOSURE, target, when, window, reason);
    }

    /**
     * The site or desk opens beyond its weekly schedule.
     *
     * @param target the site or one desk
     * @param when the dates
     * @param window the hours opened
     * @param reason why, for the agents
     * @return the exception
     */
    public static ScheduleException extraOpening(
            ScheduleTarget target, Recurrence when, TimeWindow window, String reason) {
        return new ScheduleException(Kind.EXTRA_OPENING, target, when, window, reason);
    }

    /**
     * An agent is away: their desk takes no appointment.
     *
     * @param target the desk
     * @param when the dates
     * @param window the hours away, or {@code null} for the whole day
     * @param reason why, for the agents
     * @return the exception
     */
    public static ScheduleException absence(
            ScheduleTarget target, Recurrence when, @Nullable TimeWindow window, String reason) {
        return new ScheduleException(Kind.ABSENCE, target, when, window, reason);
    }

    /**
     * The window this exception covers, the whole day when none was given.
     *
     * @return the window
     */
    public TimeWindow effectiveWindow() {
        return window == null ? TimeWindow.wholeDay() : window;
    }
}
