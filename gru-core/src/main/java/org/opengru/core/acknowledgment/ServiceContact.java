package org.opengru.core.acknowledgment;

import org.opengru.core.internal.Checks;
import org.opengru.core.tenancy.Team;
import org.opengru.core.value.EmailAddress;
import org.opengru.core.value.PhoneNumber;
import org.opengru.core.value.PostalAddress;

/** The service in charge of the request, as the acknowledgment names it (CRPA R112-11-1, 2°). */
public record ServiceContact(String name, PostalAddress address, EmailAddress email, PhoneNumber phone) {

    public ServiceContact {
        name = Checks.text("service.name", name, 200);
        Checks.required("service.address", address);
        Checks.required("service.email", email);
        Checks.required("service.phone", phone);
    }

    public static ServiceContact of(Team team) {
        return new ServiceContact(team.name(), team.address(), team.email(), team.phone());
    }
}
