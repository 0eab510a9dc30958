package org.opengru.core.request;

import java.util.Set;
import org.opengru.core.internal.Checks;

/**
 * One row of the lifecycle table: the action, the states it may be fired from (empty: creation), the
 * state it leads to, who may fire it, when it is available at all ({@code precondition}: state only, used
 * by {@link RequestLifecycle#permittedActions}), what the command must satisfy ({@code guard}: throws a
 * {@link org.opengru.core.error.ValidationException}) and what it does ({@code effect}). The descriptions
 * are for people: they appear in the exported diagram and the docs.
 */
public record Transition(
        RequestAction action,
        Set<RequestStatus> from,
        RequestStatus to,
        Set<ActorRole> actors,
        String preconditionDescription,
        Precondition precondition,
        String guardDescription,
        Guard guard,
        String effectDescription,
        Effect effect) {

    /** Whether the transition is available for this request at all (state only, no command input). */
    @FunctionalInterface
    public interface Precondition {
        boolean holds(TransitionContext ctx);

        Precondition ALWAYS = ctx -> true;
    }

    /** Checks the command; throws a {@link org.opengru.core.error.ValidationException} naming the field. */
    @FunctionalInterface
    public interface Guard {
        void check(TransitionContext ctx);

        Guard NONE = ctx -> {};

        default Guard and(Guard other) {
            return ctx -> {
                check(ctx);
                other.check(ctx);
            };
        }
    }

    /** Sets the next state's values (the status and version are set by the lifecycle) and emits events. */
    @FunctionalInterface
    public interface Effect {
        void apply(TransitionContext ctx, Request.Builder next);

        Effect NONE = (ctx, next) -> {};
    }

    public Transition {
        Checks.required("action", action);
        from = Set.copyOf(from);
        Checks.required("to", to);
        actors = Set.copyOf(actors);
        Checks.check(!actors.isEmpty(), "actors", actors, () -> "must name who may fire " + action);
    }

    /** Whether this row creates a request (no source state). */
    public boolean creates() {
        return from.isEmpty();
    }
}
