package org.opengru.core.contact;

import java.util.UUID;
import org.opengru.core.internal.Checks;

/** Identifies one recorded contact (time-ordered UUIDv7). */
public record ContactId(UUID value) {

    public ContactId {
        Checks.required("contactId", value);
    }

    public static ContactId of(UUID value) {
        return new ContactId(value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
