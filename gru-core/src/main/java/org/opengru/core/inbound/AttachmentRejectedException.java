package org.opengru.core.inbound;

/** The document vault's checks refused an attachment (malware, forbidden type, active content...). */
public class AttachmentRejectedException extends InboundMailException {

    private final String fileName;

    public AttachmentRejectedException(String fileName, String reason) {
        super("attachment " + fileName + " refused: " + reason, null);
        this.fileName = fileName;
    }

    public String fileName() {
        return fileName;
    }
}
