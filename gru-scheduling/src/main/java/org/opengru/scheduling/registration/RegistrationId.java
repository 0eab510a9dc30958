package org.opengru.scheduling.registration;

import java.util.UUID;
import org.opengru.scheduling.internal.Check;

public record RegistrationId(UUID value) {

    public RegistrationId {
        Check.required("registrationId", value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
