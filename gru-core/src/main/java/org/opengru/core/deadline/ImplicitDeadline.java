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
 */
public record ImplicitDeadline(
        ImplicitDecision outcome,
        LocalDate date,
        Instant dueAt,
        @Nullable LocalDate suspendedOn,
        boolean startsOnResume) {

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
    }

    public boolean suspended() {
        return suspendedOn != null;
    }

    /** Whether the implicit decision is due at that instant (never while suspended). */
    public boolean dueBy(Instant now) {
        return suspendedOn == null && !now.isBefore(dueAt);
    }
}
