package org.opengru.spring.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import org.opengru.core.tenancy.TenantId;
import org.opengru.franceconnect.rp.RelyingParties;
import org.opengru.franceconnect.rp.RelyingParty;
import org.opengru.franceconnect.rp.UnknownTenantException;
import org.opengru.spring.GruProperties;
import org.opengru.spring.franceconnect.AgentRelyingParties;
import org.opengru.spring.franceconnect.SignInObserver;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Everything the sign-in filters need, as one bean. Apply it to a filter chain with {@link #configurer()}:
 *
 * <pre>{@code
 * @Bean
 * SecurityFilterChain portal(HttpSecurity http, GruLogin gru) throws Exception {
 *     http.with(gru.configurer(), c -> {});
 *     http.authorizeHttpRequests(a -> a.requestMatchers("/", "/demarches").permitAll().anyRequest().authenticated());
 *     return http.build();
 * }
 * }</pre>
 */
public final class GruLogin {

    /** Whether a sign-in is for a resident (FranceConnect) or an agent (ProConnect). */
    public enum Side {
        RESIDENT,
        AGENT
    }

    private final GruProperties.Security paths;
    private final RelyingParties residents;
    private final AgentRelyingParties agents;
    private final TenantResolver tenants;
    private final UsagerResolver usagers;
    private final AgentResolver agentResolver;
    private final List<SignInObserver> observers;

    public GruLogin(
            GruProperties.Security paths,
            RelyingParties residents,
            AgentRelyingParties agents,
            TenantResolver tenants,
            UsagerResolver usagers,
            AgentResolver agentResolver,
            List<SignInObserver> observers) {
        this.observers = List.copyOf(observers);
        this.paths = paths;
        this.residents = residents;
        this.agents = agents;
        this.tenants = tenants;
        this.usagers = usagers;
        this.agentResolver = agentResolver;
    }

    /** A new configurer for one {@code HttpSecurity}: login and callback filters, entry points, logout. */
    public GruSecurityConfigurer configurer() {
        return new GruSecurityConfigurer(this);
    }

    public GruProperties.Security paths() {
        return paths;
    }

    /**
     * The web defaults every chain of the host should have, which {@link #configurer()} applies: a
     * Content-Security-Policy ({@code gru.security.content-security-policy}, no inline script, no framing), a
     * Referrer-Policy that sends only the origin to other sites, a Permissions-Policy
     * ({@code gru.security.permissions-policy}), {@code X-Frame-Options: DENY}; Spring Security adds HSTS on
     * HTTPS requests. Call it on a chain that does not use {@link #configurer()} (an API chain).
     */
    public void webDefaults(HttpSecurity http) {
        try {
            http.headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(paths.contentSecurityPolicy()))
                    .referrerPolicy(r -> r.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                    .permissionsPolicyHeader(p -> p.policy(paths.permissionsPolicy()))
                    .frameOptions(f -> f.deny()));
        } catch (Exception e) {
            throw new IllegalStateException("Cannot configure OpenGRU's web defaults", e);
        }
    }

    Optional<TenantId> tenant(HttpServletRequest request) {
        return tenants.resolve(request);
    }

    UsagerResolver usagers() {
        return usagers;
    }

    AgentResolver agentResolver() {
        return agentResolver;
    }

    void attempted(Side side, String tenant, String outcome) {
        String name = side.name().toLowerCase(java.util.Locale.ROOT);
        for (SignInObserver o : observers) {
            o.attempted(name, tenant, outcome);
        }
    }

    Optional<AgentRelyingParties.AgentLogin> agentLogin(TenantId tenant) {
        return agents.forTenant(tenant.value());
    }

    /** The relying party of a side for a tenant, empty when that sign-in is not configured there. */
    Optional<RelyingParty> relyingParty(Side side, TenantId tenant) {
        if (side == Side.AGENT) {
            return agentLogin(tenant).map(AgentRelyingParties.AgentLogin::relyingParty);
        }
        try {
            return Optional.of(residents.forTenant(tenant.value()));
        } catch (UnknownTenantException e) {
            return Optional.empty();
        }
    }
}
