package org.opengru.core.principal;

import java.util.regex.Pattern;
import org.opengru.core.internal.Checks;
import org.opengru.core.tenancy.TenantId;

/** The system itself acting in a collectivité, named by component (such as {@code deadline-sweeper}). */
public record SystemPrincipal(TenantId tenant, String component) implements Principal {

    private static final Pattern FORMAT = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");

    public SystemPrincipal {
        Checks.required("principal.tenant", tenant);
        Checks.matches("principal.component", component, FORMAT, "a lower-case slug");
    }

    @Override
    public ActorRef ref() {
        return new ActorRef(ActorKind.SYSTEM, component);
    }

    @Override
    public String toString() {
        return "system:" + component + "@" + tenant;
    }
}
