package org.opengru.core.error;

/**
 * Optimistic locking refused a write: the object changed since it was read (its version is not the
 * expected one). Re-read and retry; nothing was changed.
 */
public class ConcurrentUpdateException extends GruException {

    private final String objectKind;
    private final String objectId;
    private final long expectedVersion;
    private final long actualVersion;

    /**
     * A write refused because the stored version is not the one read.
     *
     * @param objectKind the kind of object, such as {@code request}
     * @param objectId its identifier
     * @param expectedVersion the version the writer had read
     * @param actualVersion the stored version, or {@code -1} when the object does not exist
     */
    public ConcurrentUpdateException(String objectKind, String objectId, long expectedVersion, long actualVersion) {
        super(objectKind + " " + objectId + " was modified concurrently: expected version " + expectedVersion
                + ", found " + (actualVersion < 0 ? "none" : String.valueOf(actualVersion)));
        this.objectKind = objectKind;
        this.objectId = objectId;
        this.expectedVersion = expectedVersion;
        this.actualVersion = actualVersion;
    }

    /**
     * The kind of the object written concurrently.
     *
     * @return such as {@code request}
     */
    public String objectKind() {
        return objectKind;
    }

    /**
     * The object written concurrently.
     *
     * @return its identifier
     */
    public String objectId() {
        return objectId;
    }

    /**
     * The version the refused writer had read.
     *
     * @return the expected version
     */
    public long expectedVersion() {
        return expectedVersion;
    }

    /**
     * The version found in the store.
     *
     * @return the stored version, or {@code -1} when the object does not exist
     */
    public long actualVersion() {
        return actualVersion;
    }
}
