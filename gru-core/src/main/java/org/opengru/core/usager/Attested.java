package org.opengru.core.usager;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.opengru.core.internal.Checks;

/**
 * An attribute value with its provenance: who vouches for it, when, and optionally by whom (an agent id,
 * the FranceConnect identity provider...).
 *
 * @param <T> the attribute's type
 * @param value the attribute's value
 * @param provenance declared, certified by FranceConnect or checked by an agent
 * @param at when it was declared or checked
 * @param by who vouches for it (an agent's id, an identity provider), or {@code null}
 */
public record Attested<T>(
        T value,
        Provenance provenance,
        Instant at,
        @Nullable String by) {

    /**
     * Checks that value, provenance and time are present.
     *
     * @param value the attribute's value
     * @param provenance declared, certified by FranceConnect or checked by an agent
     * @param at when it was declared or checked
     * @param by who vouches for it (an agent's id, an identity provider), or {@code null}
     * @throws org.opengru.core.error.ValidationException naming the missing part
     */
    public Attested {
        Checks.required("attribute.value", value);
        Checks.required("attribute.provenance", provenance);
        Checks.required("attribute.at", at);
    }

    /**
     * A value the usager declared, unchecked.
     *
     * @param <T> the attribute's type
     * @param value the value
     * @param at when it was declared
     * @return the attested value
     */
    public static <T> Attested<T> declared(T value, Instant at) {
        return new Attested<>(value, Provenance.DECLARED, at, null);
    }

    /**
     * A value certified by FranceConnect (the identité pivot).
     *
     * @param <T> the attribute's type
     * @param value the value
     * @param at when it was received
     * @param identityProvider the identity provider FranceConnect used, such as {@code impots.gouv.fr}
     * @return the attested value
     */
    public static <T> Attested<T> franceConnect(T value, Instant at, String identityProvider) {
        return new Attested<>(value, Provenance.FRANCECONNECT_CERTIFIED, at, identityProvider);
    }

    /**
     * A value an agent checked against a document (pièce d'identité, livret de famille).
     *
     * @param <T> the attribute's type
     * @param value the value
     * @param at when it was checked
     * @param agent the agent's id
     * @return the attested value
     */
    public static <T> Attested<T> agentVerified(T value, Instant at, String agent) {
        return new Attested<>(value, Provenance.AGENT_VERIFIED, at, agent);
    }
}
