package org.opengru.spring.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.opengru.core.tenancy.TenantId;

/**
 * Which collectivité a browser signs in to. The default takes the {@code tenant} request parameter when
 * it names a configured tenant, and otherwise the only configured tenant. Define a bean to resolve it
 * from the host name or the path of a mutualised installation.
 */
@FunctionalInterface
public interface TenantResolver {

    Optional<TenantId> resolve(HttpServletRequest request);
}
