package org.opengru.core.inbound;

/** An attachment (or a whole message) above the configured limit. */
public class OversizedAttachmentException extends InboundMailException {

    private final String fileName;
    private final long size;
    private final long limit;

    public OversizedAttachmentException(String fileName, long size, long limit) {
        super("attachment " + fileName + " of " + size + " bytes exceeds the limit of " + limit + " bytes", null);
        this.fileName = fileName;
        this.size = size;
        this.limit = limit;
    }

    public String fileName() {
        return fileName;
    }

    public long size() {
        return size;
    }

    public long limit() {
        return limit;
    }
}
