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

    /** @param actualVersion the stored version, or {@code -1} when the object does not exist */
    public ConcurrentUpdateException(String objectKind, String objectId, long expectedVersion, long actualVersion) {
        super(objectKind + " " + objectId + " was modified concurrently: expected version " + expectedVersion
                + ", found " + (actualVersion < 0 ? "none" : String.valueOf(actualVersion)));
        this.objectKind = objectKind;
        this.objectId = objectId;
        this.expectedVersion = expectedVersion;
        this.actualVersion = actualVersion;
    }

    public String objectKind() {
        return objectKind;
    }

    public String objectId() {
        return objectId;
    }

    public long expectedVersion() {
        return expectedVersion;
    }

    public long actualVersion() {
        return actualVersion;
    }
}
