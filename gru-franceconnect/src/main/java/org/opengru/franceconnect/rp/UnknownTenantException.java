package org.opengru.franceconnect.rp;

import org.opengru.franceconnect.FranceConnectException;

/** No FranceConnect client is configured for this tenant. */
public final class UnknownTenantException extends FranceConnectException {
    private static final long serialVersionUID = 1L;

    /**
     * Refuses an unknown tenant.
     *
     * @param tenantId the tenant asked
     */
    public UnknownTenantException(String tenantId) {
        super("no FranceConnect configuration for tenant '" + tenantId + "'");
    }
}
