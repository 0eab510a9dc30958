package org.opengru.scheduling.registration;

import java.util.UUID;
import org.opengru.scheduling.internal.Check;

/**
 * A registration's id, random, unique across collectivités.
 *
 * @param value the UUID
 */
public record RegistrationId(UUID value) {

    /**
     * Checks the value is present.
     *
     * @param value the UUID
     * @throws org.opengru.core.error.ValidationException naming {@code registrationId} when it is absent
     */
    public RegistrationId {
        Check.required("registrationId", value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
