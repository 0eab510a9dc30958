package org.opengru.scheduling.ical;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An iCalendar object and the iTIP method it carries (RFC 5546): {@code REQUEST} or {@code CANCEL} for an
 * invitation, none for a plain file to import. Its {@link #contentType()} repeats the method, as RFC 6047
 * requires of the e-mail part that carries it.
 */
public record ICalendar(@Nullable String method, String text) {

    public ICalendar {
        Objects.requireNonNull(text, "text");
    }

    /** {@code text/calendar; method=REQUEST; charset=UTF-8}, or without {@code method} for a plain file. */
    public String contentType() {
        return method == null ? "text/calendar; charset=UTF-8" : "text/calendar; method=" + method + "; charset=UTF-8";
    }

    public byte[] bytes() {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
