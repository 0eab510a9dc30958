package org.opengru.core.inbound;

/** The document vault's checks refused an attachment (malware, forbidden type, active content...). */
public class AttachmentRejectedException extends InboundMailException {

    private final String fileName;

    /**
     * The vault refused the attachment.
     *
     * @param fileName the attachment's file name
     * @param reason what the vault's checks found
     */
    public AttachmentRejectedException(String fileName, String reason) {
        super("attachment " + fileName + " refused: " + reason, null);
        this.fileName = fileName;
    }

    /**
     * The refused attachment's file name.
     *
     * @return the file name
     */
    public String fileName() {
        return fileName;
    }
}
