package org.opengru.core.notification;

import java.util.Arrays;
import java.util.regex.Pattern;
import org.opengru.core.internal.Checks;

/**
 * A file sent with a notification, such as the accusé de réception. Small by design (the outbox carries
 * it): at most {@link #MAX_BYTES}; larger documents are linked from the portal instead.
 */
public record Attachment(String fileName, String contentType, byte[] content) {

    public static final int MAX_BYTES = 2 * 1024 * 1024;
    private static final Pattern NAME = Pattern.compile("[^/\\\\\\x00-\\x1F\"]{1,120}");
    private static final Pattern TYPE = Pattern.compile("[a-z]+/[a-z0-9.+-]+");

    public Attachment {
        Checks.matches("attachment.fileName", fileName, NAME, "a file name without path or control characters");
        Checks.matches("attachment.contentType", contentType, TYPE, "a media type such as application/pdf");
        Checks.required("attachment.content", content);
        Checks.check(
                content.length <= MAX_BYTES,
                "attachment.content",
                fileName + " (" + content.length + " bytes)",
                "must be at most " + MAX_BYTES + " bytes");
        content = content.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    public int size() {
        return content.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Attachment a
                && a.fileName.equals(fileName)
                && a.contentType.equals(contentType)
                && Arrays.equals(a.content, content);
    }

    @Override
    public int hashCode() {
        return fileName.hashCode() * 31 + Arrays.hashCode(content);
    }

    @Override
    public String toString() {
        return "Attachment[" + fileName + ", " + contentType + ", " + content.length + " bytes]";
    }
}
