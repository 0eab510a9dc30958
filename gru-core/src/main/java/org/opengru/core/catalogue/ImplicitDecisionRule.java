package org.opengru.core.catalogue;

import org.jspecify.annotations.Nullable;
import org.opengru.core.internal.Checks;

/**
 * The implicit-decision rule of a démarche: what silence means, after which period (two months unless a
 * text says otherwise) and whether the period continues or restarts after a complement. In JSON, {@code
 * period} and {@code afterComplement} may be omitted (two months, continue).
 *
 * @param decision what silence means
 * @param period after how long
 * @param afterComplement whether the period continues or restarts once a complement arrives
 */
public record ImplicitDecisionRule(ImplicitDecision decision, DecisionPeriod period, ComplementEffect afterComplement) {

    /**
     * A rule; period and complement effect default to two months and {@link ComplementEffect#CONTINUE}.
     *
     * @param decision what silence means
     * @param period after how long, or {@code null} for two months
     * @param afterComplement the effect of a complement, or {@code null} for continue
     * @throws org.opengru.core.error.ValidationException naming {@code implicitDecision.decision} when it is missing
     */
    public ImplicitDecisionRule(
            ImplicitDecision decision, @Nullable DecisionPeriod period, @Nullable ComplementEffect afterComplement) {
        this.decision = Checks.required("implicitDecision.decision", decision);
        this.period = period == null ? DecisionPeriod.TWO_MONTHS : period;
        this.afterComplement = afterComplement == null ? ComplementEffect.CONTINUE : afterComplement;
    }

    /**
     * No implicit decision: silence means nothing (a démarche outside the SVA/SVR regime).
     *
     * @return the rule
     */
    public static ImplicitDecisionRule none() {
        return new ImplicitDecisionRule(ImplicitDecision.NONE, null, null);
    }

    /**
     * Silence vaut accord after the period.
     *
     * @param period after how long
     * @param afterComplement the effect of a complement
     * @return the rule
     */
    public static ImplicitDecisionRule acceptance(DecisionPeriod period, ComplementEffect afterComplement) {
        return new ImplicitDecisionRule(ImplicitDecision.ACCEPTANCE, period, afterComplement);
    }

    /**
     * Silence vaut rejet after the period.
     *
     * @param period after how long
     * @param afterComplement the effect of a complement
     * @return the rule
     */
    public static ImplicitDecisionRule rejection(DecisionPeriod period, ComplementEffect afterComplement) {
        return new ImplicitDecisionRule(ImplicitDecision.REJECTION, period, afterComplement);
    }

    /**
     * Whether silence becomes a decision.
     *
     * @return {@code true} for acceptance or rejection
     */
    public boolean applies() {
        return decision != ImplicitDecision.NONE;
    }
}
