package org.opengru.scheduling.hold;

import java.util.Set;

/** One legal move: from a state, by an action, to a state, for some roles, under a guard. */
public record Transition<S extends Enum<S>, A extends Enum<A>>(S from, A action, S to, Set<Role> roles, Guard guard) {

    public Transition {
        roles = Set.copyOf(roles);
    }
}
