package org.opengru.core.deadline;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.opengru.core.catalogue.ImplicitDecision;
import org.opengru.core.internal.Checks;

/**
 * When silence becomes a decision: {@code date} is the last day of the period in the collectivité's zone,
 * and the decision is born at {@code dueAt}, when that day ends (the start of the next). While a complement is awaited the period is suspended since {@code suspendedOn}: the date
 * then only ever moves later. A request received incomplete has a deadline that {@code startsOnResume}: its
 * period only starts when the missing pieces arrive (R112-11-2); until then {@code date} is the earliest
 * possible date.
 *
 * <p>Silence vaut rejet (L114-5 CRPA): the period is suspended only during the time given to produce the
 * pieces. {@code resumesOn} is then the day the period runs again if they never come (the day after the
 * time given ends), and {@code date}/{@code dueAt} already count that whole suspension: the decision is
 * born even if the pieces never arrive. When they arrive earlier, the suspension ends that day.
 */
public record ImplicitDeadline(
        ImplicitDecision outcome,
        LocalDate date,
        Instant dueAt,
        @Nullable LocalDate suspendedOn,
        boolean startsOnResume,
        @Nullable LocalDate resumesOn) {

    public ImplicitDeadline {
        Checks.required("deadline.outcome", outcome);
        Checks.check(outcome != ImplicitDecision.NONE, "deadline.outcome", outcome, "must be ACCEPTANCE or REJECTION");
        Checks.required("deadline.date", date);
        Checks.required("deadline.dueAt", dueAt);
        Checks.check(
                !startsOnResume || suspendedOn != null,
                "deadline.startsOnResume",
                startsOnResume,
                "needs a suspended deadline");
        Checks.check(
                resumesOn == null || (suspendedOn != null && !startsOnResume),
                "deadline.resumesOn",
                resumesOn,
                "needs a suspension that ends by itself");
    }

    /** A deadline suspended until the pieces arrive, or running ({@code suspendedOn} null). */
    public ImplicitDeadline(
            ImplicitDecision outcome,
            LocalDate date,
            Instant dueAt,
            @Nullable LocalDate suspendedOn,
            boolean startsOnResume) {
        this(outcome, date, dueAt, suspendedOn, startsOnResume, null);
    }

    /**
     * Whether time runs towards {@code dueAt}: not suspended, or suspended for a time that ends by itself
     * (silence vaut rejet). A sweeper watches these.
     */
    public boolean running() {
        return suspendedOn == null || resumesOn != null;
    }

    /** Days from {@code today} to {@link #date()}, the period's last day: 0 on that day, negative once past. */
    public long daysLeft(LocalDate today) {
        return java.time.temporal.ChronoUnit.DAYS.between(today, date);
    }

    public boolean suspended() {
        return suspendedOn != null;
    }

    /**
     * Whether the implicit decision is due at that instant: never while suspended until the pieces arrive;
     * for a suspension that ends by itself, once its whole length and the rest of the period have passed.
     */
    public boolean dueBy(Instant now) {
        return running() && !now.isBefore(dueAt);
    }
}
