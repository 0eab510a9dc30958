package org.opengru.scheduling.postgres;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;

/**
 * The encoding the booking and item logs hash (V8, V11), as their SQL functions build it: each field is
 * its text prefixed by its UTF-8 byte count ({@code "5:hello;"}), an absent value is {@code "-;"}, times
 * are microseconds since the epoch.
 */
final class ChainEncoding {

    private ChainEncoding() {}

    static void field(StringBuilder sb, @Nullable String value) {
        if (value == null) {
            sb.append("-;");
            return;
        }
        sb.append(value.getBytes(StandardCharsets.UTF_8).length)
                .append(':')
                .append(value)
                .append(';');
    }

    static String micros(Instant t) {
        return Long.toString(ChronoUnit.MICROS.between(Instant.EPOCH, t));
    }
}
