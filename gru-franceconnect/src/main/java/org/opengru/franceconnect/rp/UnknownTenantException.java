package org.opengru.franceconnect.rp;

import org.opengru.franceconnect.FranceConnectException;

/** No FranceConnect client is configured for this tenant. */
public final class UnknownTenantException extends FranceConnectException {
    private static final long serialVersionUID = 1L;

    public UnknownTenantException(String tenantId) {
        super("no FranceConnect configuration for tenant '" + tenantId + "'");
    }
}
