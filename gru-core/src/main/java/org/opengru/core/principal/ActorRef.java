package org.opengru.core.principal;

import org.opengru.core.internal.Checks;

/**
 * A pseudonymous reference to whoever acted, as kept in history and audit entries: the kind and the id
 * (an usager's UUID, an agent's directory id or a system component), never a name.
 *
 * @param kind who acted: usager, agent or system
 * @param id the usager's UUID, the agent's directory id or the component's name; at most 128 characters
 */
public record ActorRef(ActorKind kind, String id) {

    /**
     * Checks the kind and the id.
     *
     * @param kind who acted: usager, agent or system
     * @param id the usager's UUID, the agent's directory id or the component's name; at most 128 characters
     * @throws org.opengru.core.error.ValidationException naming {@code actor.kind} or {@code actor.id} and the value
     */
    public ActorRef {
        Checks.required("actor.kind", kind);
        id = Checks.text("actor.id", id, 128);
    }

    /**
     * Parses {@code kind:id} as {@link #toString()} writes it.
     *
     * @param text such as {@code agent:mdupont}
     * @return the reference
     * @throws org.opengru.core.error.ValidationException naming {@code actor} and the text, when it is not {@code
     *     kind:id}
     *     with a known kind
     */
    public static ActorRef parse(String text) {
        int colon = text.indexOf(':');
        Checks.check(colon > 0, "actor", text, "must be kind:id");
        ActorKind kind;
        try {
            kind = ActorKind.valueOf(text.substring(0, colon).toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new org.opengru.core.error.ValidationException("actor.kind", text, "unknown kind");
        }
        return new ActorRef(kind, text.substring(colon + 1));
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + id;
    }
}
