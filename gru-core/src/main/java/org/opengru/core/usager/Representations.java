package org.opengru.core.usager;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import org.opengru.core.id.UsagerId;
import org.opengru.core.tenancy.TenantId;

/**
 * Who may act for whom: oneself, the households one may act for and their children, and the usagers one
 * holds an active mandate from. Not transitive (a mandate to act for a household member does not extend
 * to their own mandates), so that a chain of delegations never grows access silently.
 */
public final class Representations {

    private final UsagerStore usagers;
    private final MandateStore mandates;

    /**
     * Representations read from the usagers' households and mandates.
     *
     * @param usagers where households are found
     * @param mandates where mandates are found
     */
    public Representations(UsagerStore usagers, MandateStore mandates) {
        this.usagers = Objects.requireNonNull(usagers, "usagers");
        this.mandates = Objects.requireNonNull(mandates, "mandates");
    }

    /**
     * Every usager the actor may act for at that instant, the actor included.
     *
     * @param tenant the collectivité
     * @param actor the usager who acts
     * @param at the instant (mandates have a validity)
     * @return the usagers, the actor first
     */
    public Set<UsagerId> actsFor(TenantId tenant, UsagerId actor, Instant at) {
        Set<UsagerId> out = new LinkedHashSet<>();
        out.add(actor);
        for (Household h : usagers.householdsOf(tenant, actor)) {
            if (h.mayActFor(actor, h.id())) {
                out.add(h.id());
                for (HouseholdMember m : h.members()) {
                    if (h.mayActFor(actor, m.person())) {
                        out.add(m.person());
                    }
                }
            }
        }
        for (Mandate m : mandates.byRepresentative(tenant, actor)) {
            if (m.activeAt(at)) {
                out.add(m.represented());
            }
        }
        return out;
    }

    /**
     * Whether the usager is known in that collectivité.
     *
     * @param tenant the collectivité
     * @param usager the usager
     * @return {@code true} when the usager store knows them
     */
    public boolean known(TenantId tenant, UsagerId usager) {
        return usagers.find(tenant, usager).isPresent();
    }

    /**
     * Whether the actor may act for the subject at that instant.
     *
     * @param tenant the collectivité
     * @param actor the usager who acts
     * @param subject the usager acted for
     * @param at the instant
     * @return {@code true} for oneself, through a household, or through an active mandate
     */
    public boolean mayActFor(TenantId tenant, UsagerId actor, UsagerId subject, Instant at) {
        return actor.equals(subject) || actsFor(tenant, actor, at).contains(subject);
    }
}
