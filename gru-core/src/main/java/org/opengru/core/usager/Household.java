package org.opengru.core.usager;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.opengru.core.error.ValidationException;
import org.opengru.core.id.UsagerId;
import org.opengru.core.internal.Checks;
import org.opengru.core.tenancy.TenantId;

/**
 * A household (foyer): persons living together, with who may act for whom. A member who {@code
 * mayActForHousehold} may act for the household itself and for its {@code CHILD} members.
 *
 * @param id the household's id
 * @param tenant the collectivité
 * @param label its name, such as {@code Foyer Martin}, at most 200 characters
 * @param members its members, each once
 * @param contact the household's contact details
 */
public record Household(UsagerId id, TenantId tenant, String label, List<HouseholdMember> members, Contact contact)
        implements Usager {

    /**
     * Checks that each member appears once, the household is not its own member, and contact details are present.
     *
     * @param id the household's id
     * @param tenant the collectivité
     * @param label its name, such as {@code Foyer Martin}, at most 200 characters
     * @param members its members, each once
     * @param contact the household's contact details
     * @throws org.opengru.core.error.ValidationException naming the bad part ({@code members}, {@code label}...) and
     *     the value
     */
    public Household {
        Checks.required("id", id);
        Checks.required("tenant", tenant);
        label = Checks.text("label", label, 200);
        members = List.copyOf(Checks.required("members", members));
        Set<UsagerId> seen = new HashSet<>();
        for (HouseholdMember m : members) {
            if (!seen.add(m.person())) {
                throw new ValidationException("members", m.person(), "is listed twice");
            }
            Checks.check(!m.person().equals(id), "members", m.person(), "a household cannot be its own member");
        }
        Checks.required("contact", contact);
    }

    /**
     * Whether {@code actor} may act for {@code subject} (this household or one of its children) by membership.
     *
     * @param actor the member who acts
     * @param subject the household itself or one of its members
     * @return {@code true} when the actor may act for the subject through this household
     */
    public boolean mayActFor(UsagerId actor, UsagerId subject) {
        boolean actorMay = members.stream().anyMatch(m -> m.person().equals(actor) && m.mayActForHousehold());
        if (!actorMay) {
            return false;
        }
        return subject.equals(id)
                || members.stream()
                        .anyMatch(m ->
                                m.person().equals(subject) && m.relationship() == HouseholdMember.Relationship.CHILD);
    }

    @Override
    public UsagerKind kind() {
        return UsagerKind.HOUSEHOLD;
    }

    @Override
    public String displayName() {
        return label;
    }
}
