package org.opengru.spring.documents;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains a vault that cannot start and what to set. */
public final class VaultFailureAnalyzer extends AbstractFailureAnalyzer<VaultConfigurationException> {

    @Override
    protected FailureAnalysis analyze(Throwable root, VaultConfigurationException cause) {
        return new FailureAnalysis(
                "The OpenGRU document vault cannot start: " + cause.getMessage(), cause.action(), cause);
    }
}
