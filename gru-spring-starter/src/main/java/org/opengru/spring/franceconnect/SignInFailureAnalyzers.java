package org.opengru.spring.franceconnect;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Failure analyzers for the sign-in configuration; each says what to set. */
public final class SignInFailureAnalyzers {

    private SignInFailureAnalyzers() {}

    /** A tenant enables sign-in without its client id, secret or redirect URI. */
    public static final class MissingClientId extends AbstractFailureAnalyzer<MissingClientIdException> {
        @Override
        protected FailureAnalysis analyze(Throwable root, MissingClientIdException cause) {
            return new FailureAnalysis(
                    "Sign-in is enabled for tenant '" + cause.tenant() + "' but " + cause.property() + " is not set.",
                    "Set " + cause.property() + " to the value registered with the provider (for FranceConnect, on"
                            + " the partner space; keep secrets in environment variables such as GRU_TENANTS_"
                            + cause.tenant().toUpperCase(java.util.Locale.ROOT).replace('-', '_')
                            + "_FRANCECONNECT_CLIENT_SECRET), or set the block's enabled=false.",
                    cause);
        }
    }

    /** A provider checked at startup does not answer its discovery. */
    public static final class ProviderUnreachable extends AbstractFailureAnalyzer<ProviderUnreachableException> {
        @Override
        protected FailureAnalysis analyze(Throwable root, ProviderUnreachableException cause) {
            return new FailureAnalysis(
                    "The OpenID provider of tenant '" + cause.tenant() + "' cannot be reached at startup: "
                            + cause.issuer() + "/.well-known/openid-configuration failed ("
                            + (cause.getCause() != null ? cause.getCause().getMessage() : "no detail") + ").",
                    "Check the issuer URL (or the platform) and that this host may reach it (proxy, firewall);"
                            + " or set check-at-startup=false to start anyway and discover the provider at the first sign-in.",
                    cause);
        }
    }

    /** gru-franceconnect refused a value. */
    public static final class InvalidSignIn extends AbstractFailureAnalyzer<InvalidSignInConfigurationException> {
        @Override
        protected FailureAnalysis analyze(Throwable root, InvalidSignInConfigurationException cause) {
            return new FailureAnalysis(
                    "The sign-in settings under " + cause.property() + " are refused: "
                            + (cause.getCause() != null ? cause.getCause().getMessage() : cause.getMessage()),
                    "Fix the value named above under " + cause.property() + " (see docs/spring-boot.md).",
                    cause);
        }
    }
}
