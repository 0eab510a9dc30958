package org.opengru.core.error;

/**
 * An action that the lifecycle table does not allow from the current state or for this actor. Names the
 * object, its state, the action and the actor. Nothing was changed.
 */
public class IllegalTransitionException extends GruException {

    private final String objectKind;
    private final String objectId;
    private final String state;
    private final String action;
    private final String actor;

    /**
     * An action the lifecycle refuses.
     *
     * @param objectKind the kind of object, such as {@code request} or {@code booking}
     * @param objectId its identifier
     * @param state its current state, such as {@code SUBMITTED}
     * @param action the action refused, such as {@code DECIDE}
     * @param actor who attempted it
     * @param reason why the table refuses it, in English
     */
    public IllegalTransitionException(
            String objectKind, String objectId, String state, String action, String actor, String reason) {
        super(action + " is not allowed on " + objectKind + " " + objectId + " in state " + state + " for " + actor
                + ": " + reason);
        this.objectKind = objectKind;
        this.objectId = objectId;
        this.state = state;
        this.action = action;
        this.actor = actor;
    }

    /**
     * The kind of the object whose lifecycle refused the action.
     *
     * @return such as {@code request} or {@code booking}
     */
    public String objectKind() {
        return objectKind;
    }

    /**
     * The object whose lifecycle refused the action.
     *
     * @return its identifier
     */
    public String objectId() {
        return objectId;
    }

    /**
     * The state the object was in, unchanged.
     *
     * @return the state's name
     */
    public String state() {
        return state;
    }

    /**
     * The action refused.
     *
     * @return the action's name
     */
    public String action() {
        return action;
    }

    /**
     * Who attempted the action.
     *
     * @return the actor, as rendered in the message
     */
    public String actor() {
        return actor;
    }
}
