package org.opengru.core.tenancy;

import org.opengru.core.id.TeamId;
import org.opengru.core.internal.Checks;
import org.opengru.core.value.EmailAddress;
import org.opengru.core.value.PhoneNumber;
import org.opengru.core.value.PostalAddress;

/**
 * A team (service instructeur) of a collectivité with the contact details the accusé de réception must
 * give: its name, postal address, e-mail and phone (CRPA R112-11-1, 2°).
 *
 * @param tenant the collectivité
 * @param id the team's id
 * @param name its name as printed on the accusé de réception, at most 200 characters
 * @param address its postal address
 * @param email its e-mail address
 * @param phone its phone number
 */
public record Team(
        TenantId tenant, TeamId id, String name, PostalAddress address, EmailAddress email, PhoneNumber phone) {

    /**
     * Checks that every contact detail the accusé de réception needs is present.
     *
     * @param tenant the collectivité
     * @param id the team's id
     * @param name its name as printed on the accusé de réception, at most 200 characters
     * @param address its postal address
     * @param email its e-mail address
     * @param phone its phone number
     * @throws org.opengru.core.error.ValidationException naming the missing or too long part
     */
    public Team {
        Checks.required("team.tenant", tenant);
        Checks.required("team.id", id);
        name = Checks.text("team.name", name, 200);
        Checks.required("team.address", address);
        Checks.required("team.email", email);
        Checks.required("team.phone", phone);
    }
}
