package org.opengru.core.error;

/** No object of that kind with that id in the given collectivité. */
public class NotFoundException extends GruException {

    private final String objectKind;
    private final String objectId;

    /**
     * No such object in the collectivité (or one the caller may not know exists).
     *
     * @param objectKind the kind of object, such as {@code request}
     * @param objectId the identifier looked for
     */
    public NotFoundException(String objectKind, String objectId) {
        super(objectKind + " not found: " + objectId);
        this.objectKind = objectKind;
        this.objectId = objectId;
    }

    /**
     * The kind of object looked for.
     *
     * @return such as {@code request}
     */
    public String objectKind() {
        return objectKind;
    }

    /**
     * The identifier looked for.
     *
     * @return the identifier as given
     */
    public String objectId() {
        return objectId;
    }
}
