package org.opengru.core.inbound;

import org.opengru.core.internal.Checks;

/**
 * A file attached to an inbound e-mail, as received (not yet checked: the {@link InboundMailProcessor}
 * refuses a name the request thread would not take, the {@link AttachmentScreen} the content).
 *
 * @param fileName as the mail names it, up to {@link #MAX_NAME} characters (the mailbox adapter cuts longer
 *     ones, which the processor refuses anyway)
 */
public record InboundAttachment(String fileName, String contentType, byte[] content) {

    /** The longest name kept from a mail. */
    public static final int MAX_NAME = 1000;

    public InboundAttachment {
        fileName = Checks.text("attachment.fileName", fileName, MAX_NAME);
        contentType = Checks.text("attachment.contentType", contentType, 255);
        Checks.required("attachment.content", content);
    }

    public int size() {
        return content.length;
    }

    @Override
    public String toString() {
        return "InboundAttachment[" + fileName + ", " + contentType + ", " + content.length + " bytes]";
    }
}
