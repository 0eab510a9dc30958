package org.opengru.core.usager;

import org.opengru.core.id.UsagerId;
import org.opengru.core.tenancy.TenantId;

/** Someone dealing with the collectivité: a {@link Person}, a {@link Household} or an {@link Organisation}. */
public sealed interface Usager permits Person, Household, Organisation {

    /**
     * The usager's id within the collectivité.
     *
     * @return the id
     */
    UsagerId id();

    /**
     * The collectivité the usager belongs to.
     *
     * @return the collectivité
     */
    TenantId tenant();

    /**
     * Person, household, company or association.
     *
     * @return the kind
     */
    UsagerKind kind();

    /**
     * How to reach the usager.
     *
     * @return the contact details
     */
    Contact contact();

    /**
     * A short display name (never used as an identifier).
     *
     * @return the name to show
     */
    String displayName();
}
