package org.opengru.core.contact;

import java.util.UUID;
import org.opengru.core.internal.Checks;

/**
 * Identifies one recorded contact (time-ordered UUIDv7).
 *
 * @param value the UUID
 */
public record ContactId(UUID value) {

    /**
     * Checks that the UUID is present.
     *
     * @param value the UUID
     * @throws org.opengru.core.error.ValidationException naming {@code contactId} when it is missing
     */
    public ContactId {
        Checks.required("contactId", value);
    }

    /**
     * Wraps a contact's UUID read from storage.
     *
     * @param value the UUID
     * @return the id
     */
    public static ContactId of(UUID value) {
        return new ContactId(value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
