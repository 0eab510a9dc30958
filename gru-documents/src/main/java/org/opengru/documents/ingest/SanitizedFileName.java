package org.opengru.documents.ingest;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A file name made safe by {@link FileNameSanitizer}: NFC, no path separators, no control, bidi or
 * invisible characters, no reserved Windows device name, at most 255 UTF-8 bytes. It is only ever
 * shown back to people (and sent in {@code Content-Disposition}); storage uses random keys.
 *
 * @param value the sanitised name
 */
public record SanitizedFileName(String value) {

    /**
     * Checks the value.
     *
     * @param value the sanitised name
     * @throws NullPointerException when it is missing
     */
    public SanitizedFileName {
        Objects.requireNonNull(value, "value");
    }

    /**
     * The lower-case extension without its dot, empty when the name has none.
     *
     * @return the extension, or empty
     */
    public Optional<String> extension() {
        int dot = value.lastIndexOf('.');
        if (dot <= 0 || dot == value.length() - 1) {
            return Optional.empty();
        }
        return Optional.of(value.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return value;
    }
}
