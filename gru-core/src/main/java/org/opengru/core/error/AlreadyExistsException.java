package org.opengru.core.error;

/** An object with that identity already exists (a second definition of a procedure version, ...). */
public class AlreadyExistsException extends GruException {

    private final String objectKind;
    private final String objectId;

    /**
     * A second object with an identity already taken.
     *
     * @param objectKind the kind of object, such as {@code procedure}
     * @param objectId the identity already taken, such as {@code inscription-cantine v2}
     */
    public AlreadyExistsException(String objectKind, String objectId) {
        super(objectKind + " already exists: " + objectId);
        this.objectKind = objectKind;
        this.objectId = objectId;
    }

    /**
     * The kind of the object that already exists.
     *
     * @return such as {@code procedure}
     */
    public String objectKind() {
        return objectKind;
    }

    /**
     * The identity already taken.
     *
     * @return the object's identifier
     */
    public String objectId() {
        return objectId;
    }
}
