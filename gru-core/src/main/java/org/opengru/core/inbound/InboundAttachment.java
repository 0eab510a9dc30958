package org.opengru.core.inbound;

import org.opengru.core.internal.Checks;

/** A file attached to an inbound e-mail, as received (not yet checked). */
public record InboundAttachment(String fileName, String contentType, byte[] content) {

    public InboundAttachment {
        fileName = Checks.text("attachment.fileName", fileName, 255);
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
