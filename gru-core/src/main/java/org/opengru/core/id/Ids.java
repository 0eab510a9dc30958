package org.opengru.core.id;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opengru.core.error.ValidationException;

final class Ids {

    private Ids() {}

    static UUID parseUuid(String field, @Nullable String text) {
        if (text == null || text.length() != 36) {
            throw new ValidationException(field, text, "must be a UUID in canonical form");
        }
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new ValidationException(field, text, "must be a UUID in canonical form");
        }
    }

    /** Orders UUIDv7 by time: compares as unsigned 128-bit numbers (UUID.compareTo is signed). */
    static int compareUnsigned(UUID a, UUID b) {
        int c = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return c != 0 ? c : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }
}
