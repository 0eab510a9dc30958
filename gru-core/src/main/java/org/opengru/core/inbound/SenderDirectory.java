package org.opengru.core.inbound;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.opengru.core.id.UsagerId;
import org.opengru.core.tenancy.TenantId;
import org.opengru.core.usager.UsagerStore;
import org.opengru.core.value.EmailAddress;

/** Port: the usager known by an e-mail address in a tenant, to link a mail with no token to its sender. */
@FunctionalInterface
public interface SenderDirectory {

    /**
     * The usager with that e-mail address in the collectivité.
     *
     * @param tenant the collectivité
     * @param address the sender's address
     * @return the usager, or empty when unknown or ambiguous
     */
    Optional<UsagerId> byEmail(TenantId tenant, EmailAddress address);

    /**
     * Knows nobody: every mail without token goes to triage unlinked.
     *
     * @return the directory
     */
    static SenderDirectory none() {
        return (tenant, address) -> Optional.empty();
    }

    /**
     * The usager whose contact e-mail (in the usager store) is the sender's address, in the tenant, compared
     * without case; nobody when several usagers share it (a family address): a triage contact linked to the
     * wrong resident would show one person's mail in another's file.
     *
     * @param usagers the usager store
     * @return the directory
     */
    static SenderDirectory of(UsagerStore usagers) {
        Objects.requireNonNull(usagers, "usagers");
        return (tenant, address) -> {
            List<UsagerId> found = usagers.withEmail(tenant, address, 2);
            return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
        };
    }
}
