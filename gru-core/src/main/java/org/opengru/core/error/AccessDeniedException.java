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
     * A refusal naming who, what and on which object.
     *
     * @param actor the principal, as {@code Principal#toString()} renders it (pseudonymous ids only)
     * @param operation what was attempted, such as {@code read} or {@code submit}
     * @param objectKind the kind of object, such as {@code request} or {@code document}
     * @param objectId its identifier
     */
    public AccessDeniedException(String actor, String operation, String objectKind, String objectId) {
        super(actor + " may not " + operation + " " + objectKind + " " + objectId);
        this.actor = actor;
        this.operation = operation;
        this.objectKind = objectKind;
        this.objectId = objectId;
    }

    /**
     * Who was refused.
     *
     * @return the principal as rendered in the message (pseudonymous ids only)
     */
    public String actor() {
        return actor;
    }

    /**
     * What was refused.
     *
     * @return the operation, such as {@code read} or {@code submit}
     */
    public String operation() {
        return operation;
    }

    /**
     * The kind of the object the operation was refused on.
     *
     * @return such as {@code request} or {@code document}
     */
    public String objectKind() {
        return objectKind;
    }

    /**
     * The object the operation was refused on.
     *
     * @return its identifier
     */
    public String objectId() {
        return objectId;
    }
}
