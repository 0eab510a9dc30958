package org.opengru.core.inbound;

import java.util.Optional;
import org.opengru.core.id.UsagerId;
import org.opengru.core.tenancy.TenantId;
import org.opengru.core.value.EmailAddress;

/** Port: the usager known by an e-mail address in a tenant, to link a mail with no token to its sender. */
@FunctionalInterface
public interface SenderDirectory {

    Optional<UsagerId> byEmail(TenantId tenant, EmailAddress address);

    static SenderDirectory none() {
        return (tenant, address) -> Optional.empty();
    }
}
