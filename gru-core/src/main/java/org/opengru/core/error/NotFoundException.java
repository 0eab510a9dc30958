package org.opengru.core.error;

/** No object of that kind with that id in the given collectivité. */
public class NotFoundException extends GruException {

    private final String objectKind;
    private final String objectId;

    public NotFoundException(String objectKind, String objectId) {
        super(objectKind + " not found: " + objectId);
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
