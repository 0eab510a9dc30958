package org.opengru.core.error;

/** An object with that identity already exists (a second definition of a procedure version, ...). */
public class AlreadyExistsException extends GruException {

    private final String objectKind;
    private final String objectId;

    public AlreadyExistsException(String objectKind, String objectId) {
        super(objectKind + " already exists: " + objectId);
        this.objectKind = objectKind;
        this.objectId = objectId;
    }

    public String objectKind() {
        return objectKind;
    }

    public String objectId() {
        return objectId;
    }
}
