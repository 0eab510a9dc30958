package org.opengru.spring.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains a {@code gru.*} property whose environment variable is not set. */
public final class UnsetVariableFailureAnalyzer extends AbstractFailureAnalyzer<UnsetVariableException> {

    @Override
    protected FailureAnalysis analyze(Throwable root, UnsetVariableException cause) {
        return new FailureAnalysis(
                cause.property() + " refers to ${" + cause.variable() + "}, and " + cause.variable()
                        + " is not set in this environment.",
                "Set the environment variable " + cause.variable() + " (or the property of that name) before"
                        + " starting the application, or give " + cause.property() + " a value.",
                cause);
    }
}
