package org.opengru.scheduling.hold;

import java.util.Set;

/** One legal move: from a state, by an action, to a state, for some roles, under a guard. */
public record Transition<S extends Enum<S>, A extends Enum<A>>(S from, A action, S to, Set<Role> roles, Guard guard) {

    /**
     * Copies the roles, so that the table cannot change after it was built.
     *
     * @param from the state the move leaves
     * @param action the action that makes the move
     * @param to the state the move reaches
     * @param roles the roles that may make the move
     * @param guard the condition the move needs besides the role
     */
    public Transition {
        roles = Set.copyOf(roles);
    }
}
