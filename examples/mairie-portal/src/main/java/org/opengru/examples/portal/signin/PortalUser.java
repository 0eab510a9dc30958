package org.opengru.examples.portal.signin;

import java.util.List;
import org.opengru.core.principal.AgentPrincipal;
import org.opengru.core.principal.Principal;
import org.opengru.core.principal.UsagerPrincipal;
import org.opengru.franceconnect.identity.IdentityPivot;
import org.opengru.spring.security.GruUser;

/**
 * Who is signed in, for the pages: the starter's {@link GruUser} (a resident through FranceConnect or an
 * agent through ProConnect) and the name shown in the header.
 */
public record PortalUser(GruUser signedIn, String displayName) {

    static PortalUser of(GruUser user) {
        return new PortalUser(user, displayName(user));
    }

    public boolean agent() {
        return signedIn instanceof GruUser.Agent;
    }

    public UsagerPrincipal usager() {
        if (signedIn instanceof GruUser.Resident resident) {
            return resident.principal();
        }
        throw new IllegalStateException("an agent is signed in, not a resident");
    }

    public AgentPrincipal agentPrincipal() {
        if (signedIn instanceof GruUser.Agent agent) {
            return agent.principal();
        }
        throw new IllegalStateException("a resident is signed in, not an agent");
    }

    public Principal principal() {
        return signedIn.principal();
    }

    /** The identité pivot's names for a resident; ProConnect's given name and usual name for an agent. */
    private static String displayName(GruUser user) {
        if (user instanceof GruUser.Resident resident) {
            IdentityPivot pivot = resident.pivot();
            return pivot == null ? "Usager" : String.join(" ", pivot.givenNames()) + " " + pivot.familyName();
        }
        GruUser.Agent agent = (GruUser.Agent) user;
        String name = String.join(" ", List.of(claim(agent, "given_name"), claim(agent, "usual_name")))
                .strip();
        return name.isEmpty() ? agent.principal().agent().value() : name;
    }

    private static String claim(GruUser.Agent agent, String name) {
        return agent.claims().get(name) instanceof String s ? s.strip() : "";
    }
}
