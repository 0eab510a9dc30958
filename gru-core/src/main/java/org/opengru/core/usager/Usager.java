package org.opengru.core.usager;

import org.opengru.core.id.UsagerId;
import org.opengru.core.tenancy.TenantId;

/** Someone dealing with the collectivité: a {@link Person}, a {@link Household} or an {@link Organisation}. */
public sealed interface Usager permits Person, Household, Organisation {

    UsagerId id();

    TenantId tenant();

    UsagerKind kind();

    Contact contact();

    /** A short display name (never used as an identifier). */
    String displayName();
}
