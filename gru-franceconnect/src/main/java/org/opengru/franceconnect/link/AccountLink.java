package org.opengru.franceconnect.link;

import java.time.Instant;
import java.util.Objects;
import org.opengru.core.id.UsagerId;
import org.opengru.core.tenancy.TenantId;

/**
 * A FranceConnect account (issuer, sub) linked to an usager of the tenant.
 *
 * @param confirmedBy who confirmed the link (pseudonymous actor reference as text)
 */
public record AccountLink(
        TenantId tenant,
        String issuer,
        String subject,
        UsagerId usager,
        LinkBasis basis,
        Instant linkedAt,
        String confirmedBy) {
    public AccountLink {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(usager, "usager");
        Objects.requireNonNull(basis, "basis");
        Objects.requireNonNull(linkedAt, "linkedAt");
        Objects.requireNonNull(confirmedBy, "confirmedBy");
    }
}
