package org.opengru.core.principal;

import org.opengru.core.id.UsagerId;
import org.opengru.core.internal.Checks;
import org.opengru.core.tenancy.TenantId;

/**
 * A signed-in usager. Whom they may act for (household, mandates) is looked up at each call.
 *
 * @param tenant the collectivité the resident signed in to
 * @param usager the resident's id
 */
public record UsagerPrincipal(TenantId tenant, UsagerId usager) implements Principal {

    /**
     * Checks that both parts are present.
     *
     * @param tenant the collectivité the resident signed in to
     * @param usager the resident's id
     * @throws org.opengru.core.error.ValidationException naming the missing part
     */
    public UsagerPrincipal {
        Checks.required("principal.tenant", tenant);
        Checks.required("principal.usager", usager);
    }

    @Override
    public ActorRef ref() {
        return new ActorRef(ActorKind.USAGER, usager.toString());
    }

    @Override
    public String toString() {
        return "usager:" + usager + "@" + tenant;
    }
}
