package org.opengru.core.catalogue;

import org.jspecify.annotations.Nullable;
import org.opengru.core.internal.Checks;

/**
 * The implicit-decision rule of a démarche: what silence means, after which period (two months unless a
 * text says otherwise) and whether the period continues or restarts after a complement. In JSON, {@code
 * period} and {@code afterComplement} may be omitted (two months, continue).
 */
public record ImplicitDecisionRule(ImplicitDecision decision, DecisionPeriod period, ComplementEffect afterComplement) {

    public ImplicitDecisionRule(
            ImplicitDecision decision, @Nullable DecisionPeriod period, @Nullable ComplementEffect afterComplement) {
        this.decision = Checks.required("implicitDecision.decision", decision);
        this.period = period == null ? DecisionPeriod.TWO_MONTHS : period;
        this.afterComplement = afterComplement == null ? ComplementEffect.CONTINUE : afterComplement;
    }

    public static ImplicitDecisionRule none() {
        return new ImplicitDecisionRule(ImplicitDecision.NONE, null, null);
    }

    /** Silence vaut accord after the period. */
    public static ImplicitDecisionRule acceptance(DecisionPeriod period, ComplementEffect afterComplement) {
        return new ImplicitDecisionRule(ImplicitDecision.ACCEPTANCE, period, afterComplement);
    }

    /** Silence vaut rejet after the period. */
    public static ImplicitDecisionRule rejection(DecisionPeriod period, ComplementEffect afterComplement) {
        return new ImplicitDecisionRule(ImplicitDecision.REJECTION, period, afterComplement);
    }

    public boolean applies() {
        return decision != ImplicitDecision.NONE;
    }
}
