package org.opengru.core.error;

/**
 * The acting principal may not read or act on this object. Thrown instead of returning an empty result,
 * so that a denial is never mistaken for "nothing there".
 */
public class AccessDeniedException extends GruException {

    private final String actor;
    private final String operation;
    private final String objectKind;
    private final String objectId;

    /**
     * @param actor the principal, as {@code Principal#toString()} renders it (pseudonymous ids only)
     * @param operation what was attempted, such as {@code read} or {@code submit}
     */
    public AccessDeniedException(String actor, String operation, String objectKind, String objectId) {
        super(actor + " may not " + operation + " " + objectKind + " " + objectId);
        this.actor = actor;
        this.operation = operation;
        this.objectKind = objectKind;
        this.objectId = objectId;
    }

    public String actor() {
        return actor;
    }

    public String operation() {
        return operation;
    }

    public String objectKind() {
        return objectKind;
    }

    public String objectId() {
        return objectId;
    }
}
