package org.opengru.franceconnect.link;

import org.opengru.core.tenancy.TenantId;
import org.opengru.franceconnect.FranceConnectException;

/** This FranceConnect account is already linked to an usager of the tenant. */
public final class AlreadyLinkedException extends FranceConnectException {
    private static final long serialVersionUID = 1L;

    /**
     * Refuses a second link of one account.
     *
     * @param tenant the collectivité
     * @param issuer the provider of the account
     */
    public AlreadyLinkedException(TenantId tenant, String issuer) {
        super("this " + issuer + " account is already linked to an usager of " + tenant);
    }
}
