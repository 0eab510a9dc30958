package org.opengru.core.inbound;

import org.opengru.core.internal.Checks;

/**
 * A file attached to an inbound e-mail, as received (not yet checked: the {@link InboundMailProcessor}
 * refuses a name the request thread would not take, the {@link AttachmentScreen} the content).
 *
 * @param fileName as the mail names it, up to {@link #MAX_NAME} characters (the mailbox adapter cuts longer
 *     ones, which the processor refuses anyway)
 *
 * @param contentType the media type the mail declares
 * @param content the bytes
 */
public record InboundAttachment(String fileName, String contentType, byte[] content) {

    /** The longest name kept from a mail. */
    public static final int MAX_NAME = 1000;

    /**
     * Checks the name and media type.
     *
     * @param fileName as the mail names it, up to {@link #MAX_NAME} characters (the mailbox adapter cuts longer
     *     ones, which the processor refuses anyway)
     * @param contentType the media type the mail declares
     * @param content the bytes
     * @throws org.opengru.core.error.ValidationException naming {@code attachment.fileName} or {@code
     *     attachment.contentType}
     */
    public InboundAttachment {
        fileName = Checks.text("attachment.fileName", fileName, MAX_NAME);
        contentType = Checks.text("attachment.contentType", contentType, 255);
        Checks.required("attachment.content", content);
    }

    /**
     * The size of the content.
     *
     * @return the size in bytes
     */
    public int size() {
        return content.length;
    }

    @Override
    public String toString() {
        return "InboundAttachment[" + fileName + ", " + contentType + ", " + content.length + " bytes]";
    }
}
