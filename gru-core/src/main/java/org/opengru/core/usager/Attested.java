package org.opengru.core.usager;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.opengru.core.internal.Checks;

/**
 * An attribute value with its provenance: who vouches for it, when, and optionally by whom (an agent id,
 * the FranceConnect identity provider...).
 */
public record Attested<T>(
        T value,
        Provenance provenance,
        Instant at,
        @Nullable String by) {

    public Attested {
        Checks.required("attribute.value", value);
        Checks.required("attribute.provenance", provenance);
        Checks.required("attribute.at", at);
    }

    public static <T> Attested<T> declared(T value, Instant at) {
        return new Attested<>(value, Provenance.DECLARED, at, null);
    }

    public static <T> Attested<T> franceConnect(T value, Instant at, String identityProvider) {
        return new Attested<>(value, Provenance.FRANCECONNECT_CERTIFIED, at, identityProvider);
    }

    public static <T> Attested<T> agentVerified(T value, Instant at, String agent) {
        return new Attested<>(value, Provenance.AGENT_VERIFIED, at, agent);
    }
}
