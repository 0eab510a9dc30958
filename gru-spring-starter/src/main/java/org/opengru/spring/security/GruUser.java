package org.opengru.spring.security;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.opengru.core.principal.AgentPrincipal;
import org.opengru.core.principal.Principal;
import org.opengru.core.principal.UsagerPrincipal;
import org.opengru.core.tenancy.TenantId;
import org.opengru.franceconnect.identity.FranceConnectIdentity;
import org.opengru.franceconnect.identity.IdentityPivot;

/**
 * Who is signed in: the Spring Security principal of a {@link GruAuthentication}. Pass {@link #principal()}
 * to every OpenGRU service call.
 */
public sealed interface GruUser extends java.security.Principal {

    TenantId tenant();

    /** The gru-core principal to act with. */
    Principal principal();

    /** The raw ID token: the {@code id_token_hint} of the provider's logout. */
    String idToken();

    /** The provider's issuer. */
    String issuer();

    /**
     * A resident signed in with FranceConnect.
     *
     * @param principal the gru-core usager (created at the first sign-in, then recognised by the account)
     * @param identity what FranceConnect returned: subject, claims, email (contact only, never a key)
     * @param pivot the identité pivot certified by FranceConnect, when its scopes were requested
     */
    record Resident(
            TenantId tenant,
            UsagerPrincipal principal,
            FranceConnectIdentity identity,
            @Nullable IdentityPivot pivot,
            String idToken)
            implements GruUser {

        @Override
        public String issuer() {
            return identity.issuer();
        }

        @Override
        public String getName() {
            return principal.ref().toString();
        }

        @Override
        public String toString() {
            return "Resident[" + tenant + ", " + principal.ref() + "]";
        }
    }

    /**
     * An agent signed in with ProConnect (or another agent provider).
     *
     * @param principal the gru-core agent with the teams the properties give them
     * @param claims the userinfo claims (email, given_name, usual_name, uid, siret...)
     */
    record Agent(TenantId tenant, AgentPrincipal principal, String issuer, Map<String, Object> claims, String idToken)
            implements GruUser {

        public Agent {
            claims = Map.copyOf(claims);
        }

        @Override
        public String getName() {
            return principal.ref().toString();
        }

        @Override
        public String toString() {
            return "Agent[" + tenant + ", " + principal.ref() + ", teams=" + principal.teams() + "]";
        }
    }
}
