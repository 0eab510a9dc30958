package org.opengru.core.acknowledgment;

import org.opengru.core.internal.Checks;
import org.opengru.core.tenancy.Team;
import org.opengru.core.value.EmailAddress;
import org.opengru.core.value.PhoneNumber;
import org.opengru.core.value.PostalAddress;

/**
 * The service in charge of the request, as the acknowledgment names it (CRPA R112-11-1, 2°).
 *
 * @param name the service's designation, at most 200 characters
 * @param address its postal address
 * @param email its e-mail address
 * @param phone its phone number
 */
public record ServiceContact(String name, PostalAddress address, EmailAddress email, PhoneNumber phone) {

    /**
     * Checks that every detail is present.
     *
     * @param name the service's designation, at most 200 characters
     * @param address its postal address
     * @param email its e-mail address
     * @param phone its phone number
     * @throws org.opengru.core.error.ValidationException naming the missing or too long part
     */
    public ServiceContact {
        name = Checks.text("service.name", name, 200);
        Checks.required("service.address", address);
        Checks.required("service.email", email);
        Checks.required("service.phone", phone);
    }

    /**
     * The contact details of the team the request is routed to.
     *
     * @param team the team
     * @return its name, address, e-mail and phone
     */
    public static ServiceContact of(Team team) {
        return new ServiceContact(team.name(), team.address(), team.email(), team.phone());
    }
}
