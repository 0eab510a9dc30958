package org.opengru.spring.core;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains a tenant's teams or démarches that cannot be set up. */
public final class TenantSetupFailureAnalyzer extends AbstractFailureAnalyzer<InvalidTenantSetupException> {

    @Override
    protected FailureAnalysis analyze(Throwable root, InvalidTenantSetupException cause) {
        return new FailureAnalysis(
                "OpenGRU cannot set up a tenant: " + cause.getMessage(),
                "Fix " + cause.property() + ". Each team (or, for a team a démarche names but gru.tenants.<id>.teams"
                        + " does not list, the tenant's contact block) needs service, postal-address, postal-code, city,"
                        + " email and phone; procedures must point at JSON or YAML démarche definitions.",
                cause);
    }
}
