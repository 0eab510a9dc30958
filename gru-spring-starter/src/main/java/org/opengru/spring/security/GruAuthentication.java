package org.opengru.spring.security;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A completed FranceConnect or ProConnect sign-in. Authorities: {@code ROLE_USAGER} for residents,
 * {@code ROLE_AGENT} plus {@code TEAM_<team>} for agents.
 */
public final class GruAuthentication extends AbstractAuthenticationToken {

    private final GruUser user;

    public GruAuthentication(GruUser user) {
        super(authorities(user));
        this.user = user;
        setAuthenticated(true);
    }

    private static List<SimpleGrantedAuthority> authorities(GruUser user) {
        if (user instanceof GruUser.Agent agent) {
            List<SimpleGrantedAuthority> out = new java.util.ArrayList<>();
            out.add(new SimpleGrantedAuthority("ROLE_AGENT"));
            agent.principal().teams().forEach(t -> out.add(new SimpleGrantedAuthority("TEAM_" + t.value())));
            return out;
        }
        return List.of(new SimpleGrantedAuthority("ROLE_USAGER"));
    }

    @Override
    public GruUser getPrincipal() {
        return user;
    }

    /** No credentials are kept: the ID token is in the principal for logout only. */
    @Override
    public Object getCredentials() {
        return "";
    }
}
