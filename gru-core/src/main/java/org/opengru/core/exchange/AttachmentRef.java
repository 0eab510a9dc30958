package org.opengru.core.exchange;

import org.opengru.core.internal.Checks;

/**
 * An attachment by reference: the id of the document in the document store (gru-documents' vault or
 * another), its file name, media type and size; the bytes never travel through the thread.
 *
 * @param documentRef the document's id in the store, at most 200 characters
 * @param fileName the file's name as shown, at most 255 characters
 * @param mediaType its media type, such as {@code application/pdf}
 * @param size its size in bytes
 */
public record AttachmentRef(String documentRef, String fileName, String mediaType, long size) {

    /**
     * Checks the reference, name, media type and size.
     *
     * @param documentRef the document's id in the store, at most 200 characters
     * @param fileName the file's name as shown, at most 255 characters
     * @param mediaType its media type, such as {@code application/pdf}
     * @param size its size in bytes
     * @throws org.opengru.core.error.ValidationException naming {@code attachment.<part>} and the value
     */
    public AttachmentRef {
        documentRef = Checks.text("attachment.documentRef", documentRef, 200);
        fileName = Checks.text("attachment.fileName", fileName, 255);
        Checks.check(
                !fileName.contains("/") && !fileName.contains("\\"),
                "attachment.fileName",
                fileName,
                "must not contain a path");
        mediaType = Checks.matches(
                "attachment.mediaType",
                mediaType,
                java.util.regex.Pattern.compile("[a-z]+/[a-zA-Z0-9.+-]+"),
                "a media type such as application/pdf");
        Checks.check(size >= 0, "attachment.size", size, "must not be negative");
    }
}
