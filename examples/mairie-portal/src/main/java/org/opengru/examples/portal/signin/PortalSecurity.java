package org.opengru.examples.portal.signin;

import jakarta.servlet.DispatcherType;
import org.opengru.core.principal.Principal;
import org.opengru.spring.security.AgentResolver;
import org.opengru.spring.security.GruLogin;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * The pages' filter chain: the starter's sign-in (FranceConnect for residents, ProConnect for agents, both
 * through gru-franceconnect's relying party, paths under {@code gru.security} in application.properties),
 * Spring Security's CSRF protection on every form (Thymeleaf's {@code th:action} adds the token), the
 * public pages open, the agents' pages for agents and everything else for signed-in residents.
 */
@Configuration(proxyBeanMethods = false)
class PortalSecurity {

    /** The page a refused request is forwarded to (403): an expired form or a page of the other side. */
    static final String REFUSED = "/acces-refuse";

    @Bean
    @Order(2)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    SecurityFilterChain portalPages(
            HttpSecurity http,
            GruLogin gru,
            @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping pages)
            throws Exception {
        http.with(gru.configurer(), c -> {});
        http.authorizeHttpRequests(a -> a
                // Spring Security's own forwards (the refusal page) and Boot's error pages; and the async
                // dispatch that ends a follow-up stream, whose request was authorized when it started (after a
                // sign-out meanwhile it was refused again, with a stack trace, instead of just ending).
                .dispatcherTypeMatchers(DispatcherType.FORWARD, DispatcherType.ERROR, DispatcherType.ASYNC)
                .permitAll()
                .requestMatchers(
                        HttpMethod.GET,
                        "/",
                        "/accessibilite",
                        "/plan-du-site",
                        "/mentions-legales",
                        "/demarches",
                        "/connexion",
                        "/agent/connexion",
                        "/css/**",
                        "/actuator/health",
                        "/actuator/health/**",
                        "/actuator/info",
                        REFUSED)
                .permitAll()
                .requestMatchers("/error")
                .permitAll()
                // Signalements: public page and map, open data, and reporting without an account when the commune
                // allows it (the pages check it); the map library and scripts they load.
                .requestMatchers("/signalements", "/signalements/**", "/webjars/**", "/js/**")
                .permitAll()
                // The cancellation link sent with an appointment: its secret is the proof, no sign-in.
                .requestMatchers("/rendez-vous/*/annulation")
                .permitAll()
                // The API's description and the actuator's index tell an attacker what to try: agents only.
                // Health details are for agents too (the starter's management.endpoint.health.roles).
                .requestMatchers("/agent/**", "/v3/api-docs", "/v3/api-docs/**", "/actuator", "/actuator/**")
                .hasRole("AGENT")
                // An address no page answers: the 404 page for everyone, not the sign-in page first.
                .requestMatchers(noPage(pages))
                .permitAll()
                .anyRequest()
                .hasRole("USAGER"));
        AccessDeniedHandlerImpl refused = new AccessDeniedHandlerImpl();
        refused.setErrorPage(REFUSED);
        http.exceptionHandling(e -> e.accessDeniedHandler(refused));
        return http.build();
    }

    /**
     * Whether no controller answers the request's address (whatever the method: an address that exists
     * with another method still asks for sign-in). Spring MVC's own lookup, on a parsed copy of the path.
     */
    static RequestMatcher noPage(RequestMappingHandlerMapping pages) {
        return request -> {
            boolean parsed = ServletRequestPathUtils.hasParsedRequestPath(request);
            if (!parsed) {
                ServletRequestPathUtils.parseAndCache(request);
            }
            try {
                return pages.getHandler(request) == null;
            } catch (Exception methodOrMediaTypeNotMatched) {
                return false;
            } finally {
                if (!parsed) {
                    ServletRequestPathUtils.clearParsedRequestPath(request);
                }
            }
        };
    }

    /**
     * Who may enter the agents' side, and with which teams: the agent directory, looked up on the e-mail
     * address ProConnect certifies ({@code agent-claim}, {@code email} by default). Someone ProConnect knows
     * but the directory does not is refused, whatever they ask for.
     */
    @Bean
    AgentResolver portalAgents(AgentDirectory directory) {
        return (tenant, login, settings) -> {
            if (!(login.identity().claims().get(settings.agentClaim()) instanceof String email) || email.isBlank()) {
                throw new BadCredentialsException("ProConnect returned no '" + settings.agentClaim() + "' claim");
            }
            AgentDirectory.Agent agent = directory
                    .byEmail(email)
                    .orElseThrow(() -> new DisabledException(email + " is not in the agent directory"));
            return Principal.agent(tenant, agent.id(), agent.teams());
        };
    }
}
