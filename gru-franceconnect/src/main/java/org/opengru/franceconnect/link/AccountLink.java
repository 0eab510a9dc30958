package org.opengru.franceconnect.link;

import java.time.Instant;
import java.util.Objects;
import org.opengru.core.id.UsagerId;
import org.opengru.core.tenancy.TenantId;

/**
 * A FranceConnect account (issuer, sub) linked to an usager of the tenant.
 *
 * @param confirmedBy who confirmed the link (pseudonymous actor reference as text)
 * @param tenant the collectivité
 * @param issuer the provider
 * @param subject the provider's pseudonymous {@code sub}
 * @param usager the usager the account signs in as
 * @param basis how the link was made (new usager, pivot match, confirmation)
 * @param linkedAt when it was made
 */
public record AccountLink(
        TenantId tenant,
        String issuer,
        String subject,
        UsagerId usager,
        LinkBasis basis,
        Instant linkedAt,
        String confirmedBy) {
    /**
     * Checks the link.
     *
     * @param tenant the collectivité
     * @param issuer the provider
     * @param subject the provider's pseudonymous {@code sub}
     * @param usager the usager the account signs in as
     * @param basis how the link was made (new usager, pivot match, confirmation)
     * @param linkedAt when it was made
     * @param confirmedBy who confirmed the link (pseudonymous actor reference as text)
     * @throws NullPointerException naming a missing value
     */
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
