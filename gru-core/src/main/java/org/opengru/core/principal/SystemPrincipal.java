package org.opengru.core.principal;

import java.util.regex.Pattern;
import org.opengru.core.internal.Checks;
import org.opengru.core.tenancy.TenantId;

/**
 * The system itself acting in a collectivité, named by component (such as {@code deadline-sweeper}).
 *
 * @param tenant the collectivité acted in
 * @param component a lower-case slug of up to 63 characters
 */
public record SystemPrincipal(TenantId tenant, String component) implements Principal {

    private static final Pattern FORMAT = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");

    /**
     * Checks the collectivité and the component's name.
     *
     * @param tenant the collectivité acted in
     * @param component a lower-case slug of up to 63 characters
     * @throws org.opengru.core.error.ValidationException naming {@code principal.tenant} or {@code principal.component}
     */
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
