package org.opengru.core.deadline;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.opengru.core.catalogue.ImplicitDecision;
import org.opengru.core.internal.Checks;

/**
 * When silence becomes a decision: {@code date} is the last day of the period in the collectivité's zone,
 * and the decision is born at {@code dueAt}, when that day ends (the start of the next). While a complement is awaited
 * the period is suspended since {@code suspendedOn}: the date
 * then only ever moves later. A request received incomplete has a deadline that {@code startsOnResume}: its
 * period only starts when the missing pieces arrive (R112-11-2); until then {@code date} is the earliest
 * possible date.
 *
 * <p>Silence vaut rejet (L114-5 CRPA): the period is suspended only during the time given to produce the
 * pieces. {@code resumesOn} is then the day the period runs again if they never come (the day after the
 * time given ends), and {@code date}/{@code dueAt} already count that whole suspension: the decision is
 * born even if the pieces never arrive. When they arrive earlier, the suspension ends that day.
 *
 * @param outcome acceptance (silence vaut accord) or rejection (silence vaut rejet)
 * @param date the period's last day in the collectivité's zone
 * @param dueAt when the decision is born: the end of {@code date}
 * @param suspendedOn the day the period was suspended, or {@code null} while it runs
 * @param startsOnResume whether the period only starts when the missing pieces arrive
 * @param resumesOn the day a suspension ends by itself (silence vaut rejet), or {@code null}
 */
public record ImplicitDeadline(
        ImplicitDecision outcome,
        LocalDate date,
        Instant dueAt,
        @Nullable LocalDate suspendedOn,
        boolean startsOnResume,
        @Nullable LocalDate resumesOn) {

    /**
     * Checks that the outcome is a decision and that the suspension's parts agree.
     *
     * @param outcome acceptance (silence vaut accord) or rejection (silence vaut rejet)
     * @param date the period's last day in the collectivité's zone
     * @param dueAt when the decision is born: the end of {@code date}
     * @param suspendedOn the day the period was suspended, or {@code null} while it runs
     * @param startsOnResume whether the period only starts when the missing pieces arrive
     * @param resumesOn the day a suspension ends by itself (silence vaut rejet), or {@code null}
     * @throws org.opengru.core.error.ValidationException naming the part that does not hold
     */
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

    /**
     * A deadline suspended until the pieces arrive, or running ({@code suspendedOn} null).
     *
     * @param outcome acceptance or rejection
     * @param date the period's last day
     * @param dueAt the end of that day
     * @param suspendedOn the day of suspension, or {@code null} while running
     * @param startsOnResume whether the period only starts when the pieces arrive
     */
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
     *
     * @return {@code true} when the deadline can fall due
     */
    public boolean running() {
        return suspendedOn == null || resumesOn != null;
    }

    /**
     * Days from {@code today} to {@link #date()}, the period's last day: 0 on that day, negative once past.
     *
     * @param today the day, in the collectivité's zone
     * @return the days left
     */
    public long daysLeft(LocalDate today) {
        return java.time.temporal.ChronoUnit.DAYS.between(today, date);
    }

    /**
     * Whether the period is suspended (a complement is awaited).
     *
     * @return {@code true} while suspended
     */
    public boolean suspended() {
        return suspendedOn != null;
    }

    /**
     * Whether the implicit decision is due at that instant: never while suspended until the pieces arrive;
     * for a suspension that ends by itself, once its whole length and the rest of the period have passed.
     *
     * @param now the instant
     * @return {@code true} when the sweeper should apply the implicit decision
     */
    public boolean dueBy(Instant now) {
        return running() && !now.isBefore(dueAt);
    }
}
