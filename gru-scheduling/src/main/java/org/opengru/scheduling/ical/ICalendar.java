package org.opengru.scheduling.ical;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An iCalendar object and the iTIP method it carries (RFC 5546): {@code REQUEST} or {@code CANCEL} for an
 * invitation, none for a plain file to import. Its {@link #contentType()} repeats the method, as RFC 6047
 * requires of the e-mail part that carries it.
 *
 * @param method the iTIP method ({@code REQUEST}, {@code CANCEL}), or {@code null} for a plain file
 * @param text the iCalendar text
 */
public record ICalendar(@Nullable String method, String text) {

    /**
     * Checks the text.
     *
     * @param method the iTIP method ({@code REQUEST}, {@code CANCEL}), or {@code null} for a plain file
     * @param text the iCalendar text
     * @throws NullPointerException when it is missing
     */
    public ICalendar {
        Objects.requireNonNull(text, "text");
    }

    /**
     * {@code text/calendar; method=REQUEST; charset=UTF-8}, or without {@code method} for a plain file.
     *
     * @return the content type
     */
    public String contentType() {
        return method == null ? "text/calendar; charset=UTF-8" : "text/calendar; method=" + method + "; charset=UTF-8";
    }

    /**
     * The text in UTF-8, to attach to a mail or serve as a download.
     *
     * @return the bytes
     */
    public byte[] bytes() {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
