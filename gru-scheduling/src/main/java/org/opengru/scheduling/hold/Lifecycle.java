package org.opengru.scheduling.hold;

import java.util.List;
import java.util.function.Predicate;
import org.opengru.core.error.IllegalTransitionException;

/**
 * A state machine as data: the one table of its transitions. The service asks {@link #move} for the row
 * that applies (role allowed, guard holding, in table order) and never changes a state any other way; a
 * refused move throws an {@link IllegalTransitionException} naming the state, the action and why.
 */
public final class Lifecycle<S extends Enum<S>, A extends Enum<A>> {

    private final String kind;
    private final List<Transition<S, A>> transitions;

    /**
     * A lifecycle of these transitions, in the order in which {@link #move} tries them.
     *
     * @param kind what the items are ({@code reservation}, {@code registration}...), for the refusals' messages
     * @param transitions the table, copied
     */
    public Lifecycle(String kind, List<Transition<S, A>> transitions) {
        this.kind = kind;
        this.transitions = List.copyOf(transitions);
    }

    /**
     * The table, for documentation and for pages that draw the lifecycle.
     *
     * @return every transition, in table order, unmodifiable
     */
    public List<Transition<S, A>> transitions() {
        return transitions;
    }

    /**
     * The actions the role may take from the state (for a page listing the buttons), guards not checked.
     *
     * @param from the item's state
     * @param role the role of who would act
     * @return the actions, in table order, without duplicates
     */
    public List<A> actionsFor(S from, Role role) {
        return transitions.stream()
                .filter(t -> t.from() == from && t.roles().contains(role))
                .map(Transition::action)
                .distinct()
                .toList();
    }

    /**
     * Whether no move leaves the state.
     *
     * @param state a state of this lifecycle
     * @return {@code true} when the table has no row from it
     */
    public boolean isFinal(S state) {
        return transitions.stream().noneMatch(t -> t.from() == state);
    }

    /**
     * The first row for (from, action) that the role may take and whose guard holds; an {@link
     * IllegalTransitionException} naming the item, the state, the action and the actor otherwise.
     *
     * @param id the item's id, for the refusal's message
     * @param from the item's state
     * @param action the action asked
     * @param role the role of who acts
     * @param actor who acts, for the refusal's message
     * @param holds which guards hold for the item now
     * @return the row to apply
     * @throws IllegalTransitionException when the state is final, the action is no move from it, the role may
     *     not take it or no guard holds: the caller changes nothing
     */
    public Transition<S, A> move(String id, S from, A action, Role role, String actor, Predicate<Guard> holds) {
        List<Transition<S, A>> rows = transitions.stream()
                .filter(t -> t.from() == from && t.action() == action)
                .toList();
        String reason;
        if (rows.isEmpty()) {
            reason = isFinal(from)
                    ? from + " is a final state of the " + kind + " lifecycle"
                    : action + " is not a move from " + from;
        } else if (rows.stream().noneMatch(t -> t.roles().contains(role))) {
            reason = action + " from " + from + " is not for the role " + role;
        } else {
            for (Transition<S, A> t : rows) {
                if (t.roles().contains(role) && holds.test(t.guard())) {
                    return t;
                }
            }
            reason = "the guard does not hold: "
                    + rows.stream().map(t -> t.guard().name()).distinct().toList();
        }
        throw new IllegalTransitionException(kind, id, from.name(), action.name(), actor, reason);
    }
}
