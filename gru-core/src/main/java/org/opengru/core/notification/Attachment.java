package org.opengru.core.notification;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opengru.core.internal.Checks;

/**
 * A file sent with a notification, such as the accusé de réception. Small by design (the outbox carries
 * it): at most {@link #MAX_BYTES}; larger documents are linked from the portal instead.
 *
 * <p>The content type may carry parameters (RFC 2045), which the e-mail part keeps: an appointment
 * invitation is {@code text/calendar; method=REQUEST; charset=UTF-8}, the {@code method} that calendar
 * clients need to recognise it (RFC 6047).
 *
 * @param fileName the name shown, without path, at most 120 characters
 * @param contentType the media type and its parameters
 * @param content the bytes, at most {@link #MAX_BYTES}
 */
public record Attachment(String fileName, String contentType, byte[] content) {

    /** The largest attachment, in bytes: 2 MiB. */
    public static final int MAX_BYTES = 2 * 1024 * 1024;

    private static final Pattern NAME = Pattern.compile("[^/\\\\\\x00-\\x1F\"]{1,120}");
    private static final String TOKEN = "[A-Za-z0-9!#$%&'*+.^_`{|}~-]+";
    /** A media type and its parameters: tokens or quoted strings, never a line break (no header injection). */
    private static final Pattern TYPE =
            Pattern.compile("[a-z]+/[a-z0-9.+-]+(;[ ]?" + TOKEN + "=(" + TOKEN + "|\"[^\"\\\\\\x00-\\x1F]*\"))*");

    private static final Pattern PARAMETER = Pattern.compile(";[ ]?(" + TOKEN + ")=(" + TOKEN + "|\"[^\"]*\")");

    /**
     * Checks the name, the media type (no line break, no header injection) and the size; copies the content.
     *
     * @param fileName the name shown, without path, at most 120 characters
     * @param contentType the media type and its parameters
     * @param content the bytes, at most {@link #MAX_BYTES}
     * @throws org.opengru.core.error.ValidationException naming {@code attachment.<part>} and the value
     */
    public Attachment {
        Checks.matches("attachment.fileName", fileName, NAME, "a file name without path or control characters");
        Checks.matches(
                "attachment.contentType",
                contentType,
                TYPE,
                "a media type such as application/pdf, with parameters such as ; method=REQUEST");
        Checks.required("attachment.content", content);
        Checks.check(
                content.length <= MAX_BYTES,
                "attachment.content",
                fileName + " (" + content.length + " bytes)",
                "must be at most " + MAX_BYTES + " bytes");
        content = content.clone();
    }

    /**
     * The content (a copy).
     *
     * @return the bytes
     */
    @Override
    public byte[] content() {
        return content.clone();
    }

    /**
     * The media type without its parameters, for example {@code text/calendar}.
     *
     * @return the media type, lower case
     */
    public String mediaType() {
        int semicolon = contentType.indexOf(';');
        return semicolon < 0 ? contentType : contentType.substring(0, semicolon);
    }

    /**
     * A parameter of the content type (name compared case-insensitively), without its quotes.
     *
     * @param name the parameter's name, such as {@code method}
     * @return its value, or empty
     */
    public Optional<String> parameter(String name) {
        Matcher m = PARAMETER.matcher(contentType);
        while (m.find()) {
            if (m.group(1).toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                String value = m.group(2);
                return Optional.of(value.startsWith("\"") ? value.substring(1, value.length() - 1) : value);
            }
        }
        return Optional.empty();
    }

    /**
     * The content's size.
     *
     * @return the size in bytes
     */
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
