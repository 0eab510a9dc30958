package org.opengru.examples.portal.api;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains why the portal refuses to start without a usable back-office token, naming the property. */
public final class ApiTokenFailureAnalyzer extends AbstractFailureAnalyzer<ApiTokenConfigurationException> {

    @Override
    protected FailureAnalysis analyze(Throwable root, ApiTokenConfigurationException cause) {
        return new FailureAnalysis(
                "The portal's back-office API has no usable token: " + cause.getMessage() + ".", cause.action(), cause);
    }
}
