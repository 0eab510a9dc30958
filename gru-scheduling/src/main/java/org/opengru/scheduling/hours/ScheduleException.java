package org.opengru.scheduling.hours;

import org.jspecify.annotations.Nullable;
import org.opengru.scheduling.internal.Check;

/**
 * A change to the weekly hours: a closure (fermeture exceptionnelle), an extra opening (permanence du
 * samedi), or an agent's absence. The window is a part of the day, or the whole day when null.
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

    public static ScheduleException closure(
            ScheduleTarget target, Recurrence when, @Nullable TimeWindow window, String reason) {
        return new ScheduleException(Kind.CLOSURE, target, when, window, reason);
    }

    public static ScheduleException extraOpening(
            ScheduleTarget target, Recurrence when, TimeWindow window, String reason) {
        return new ScheduleException(Kind.EXTRA_OPENING, target, when, window, reason);
    }

    public static ScheduleException absence(
            ScheduleTarget target, Recurrence when, @Nullable TimeWindow window, String reason) {
        return new ScheduleException(Kind.ABSENCE, target, when, window, reason);
    }

    /** The window this exception covers, the whole day when none was given. */
    public TimeWindow effectiveWindow() {
        return window == null ? TimeWindow.wholeDay() : window;
    }
}
