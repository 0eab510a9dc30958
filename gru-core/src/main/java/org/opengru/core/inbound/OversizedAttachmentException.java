package org.opengru.core.inbound;

/** An attachment (or a whole message) above the configured limit. */
public class OversizedAttachmentException extends InboundMailException {

    private final String fileName;
    private final long size;
    private final long limit;

    /**
     * An attachment or message refused for its size.
     *
     * @param fileName the attachment's name, or a description of the message
     * @param size its size in bytes
     * @param limit the limit in bytes
     */
    public OversizedAttachmentException(String fileName, long size, long limit) {
        super("attachment " + fileName + " of " + size + " bytes exceeds the limit of " + limit + " bytes", null);
        this.fileName = fileName;
        this.size = size;
        this.limit = limit;
    }

    /**
     * The refused attachment's name.
     *
     * @return the name
     */
    public String fileName() {
        return fileName;
    }

    /**
     * Its size.
     *
     * @return the size in bytes
     */
    public long size() {
        return size;
    }

    /**
     * The limit it passed.
     *
     * @return the limit in bytes
     */
    public long limit() {
        return limit;
    }
}
