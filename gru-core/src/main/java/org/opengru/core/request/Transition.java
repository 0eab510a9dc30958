package org.opengru.core.request;

import java.util.Set;
import org.opengru.core.internal.Checks;

/**
 * One row of the lifecycle table: the action, the states it may be fired from (empty: creation), the
 * state it leads to, who may fire it, when it is available at all ({@code precondition}: state only, used
 * by {@link RequestLifecycle#permittedActions}), what the command must satisfy ({@code guard}: throws a
 * {@link org.opengru.core.error.ValidationException}) and what it does ({@code effect}). The descriptions
 * are for people: they appear in the exported diagram and the docs.
 *
 * @param action the action
 * @param from the statuses it leaves, empty for the creation
 * @param to the status it leads to
 * @param actors who may fire it
 * @param preconditionDescription the precondition in words, for the docs
 * @param precondition whether the row applies to the request as it stands
 * @param guardDescription the guard in words, for the docs
 * @param guard checks the command
 * @param effectDescription the effect in words, for the docs
 * @param effect sets the next state and emits events
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
        /**
         * Whether the row applies to the request as it stands.
         *
         * @param ctx the context
         * @return {@code true} when it does
         */
        boolean holds(TransitionContext ctx);

        /** Always available. */
        Precondition ALWAYS = ctx -> true;
    }

    /** Checks the command; throws a {@link org.opengru.core.error.ValidationException} naming the field. */
    @FunctionalInterface
    public interface Guard {
        /**
         * Checks the command.
         *
         * @param ctx the context
         */
        void check(TransitionContext ctx);

        /** Checks nothing. */
        Guard NONE = ctx -> {};

        /**
         * This guard, then the other.
         *
         * @param other the next guard
         * @return the combined guard
         */
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
        /**
         * Sets the next state's values and emits the events.
         *
         * @param ctx the context
         * @param next the next state
         */
        void apply(TransitionContext ctx, Request.Builder next);

        /** Changes nothing. */
        Effect NONE = (ctx, next) -> {};
    }

    /**
     * Checks the row.
     *
     * @param action the action
     * @param from the statuses it leaves, empty for the creation
     * @param to the status it leads to
     * @param actors who may fire it
     * @param preconditionDescription the precondition in words, for the docs
     * @param precondition whether the row applies to the request as it stands
     * @param guardDescription the guard in words, for the docs
     * @param guard checks the command
     * @param effectDescription the effect in words, for the docs
     * @param effect sets the next state and emits events
     * @throws NullPointerException naming a missing value
     */
    public Transition {
        Checks.required("action", action);
        from = Set.copyOf(from);
        Checks.required("to", to);
        actors = Set.copyOf(actors);
        Checks.check(!actors.isEmpty(), "actors", actors, () -> "must name who may fire " + action);
    }

    /**
     * Whether this row creates a request (no source state).
     *
     * @return {@code true} for the creation row
     */
    public boolean creates() {
        return from.isEmpty();
    }
}
