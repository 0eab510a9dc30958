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

    public String objectKind() {
        return objectKind;
    }

    public String objectId() {
        return objectId;
    }

    public String state() {
        return state;
    }

    public String action() {
        return action;
    }

    public String actor() {
        return actor;
    }
}
