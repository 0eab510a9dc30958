package org.opengru.examples.portal.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.opengru.core.id.AgentId;
import org.opengru.core.principal.Principal;
import org.opengru.examples.portal.commune.Commune;
import org.opengru.spring.security.GruAuthentication;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Who calls the API ({@code /api/**}, its own filter chain): the logiciel métier with its bearer token
 * (acting as the agent {@code logiciel-metier}, member of every team), or a resident or agent signed in to
 * the portal (session cookie, then with the CSRF token like any form). Anything else gets 401.
 */
@Configuration(proxyBeanMethods = false)
class ApiAuthentication implements WebMvcConfigurer, HandlerInterceptor {

    static final String PRINCIPAL = "api.principal";

    /** A request that carries a bearer token: it is authenticated by that token alone, never by the session. */
    private static final RequestMatcher BEARER = request -> {
        String header = request.getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
    };

    private final byte[] token;

    ApiAuthentication(@Value("${portal.api.token:jeton-de-demonstration-du-logiciel-metier}") String token) {
        this.token = token.getBytes(StandardCharsets.UTF_8);
    }

    @Bean
    @Order(1)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        AuthenticationEntryPoint unauthorized = (request, response, e) -> {
            response.setStatus(401);
            response.setHeader("WWW-Authenticate", "Bearer realm=\"opengru\"");
            response.setContentType("application/problem+json");
            response.getWriter().write("{\"title\":\"Authentification requise\",\"status\":401}");
        };
        http.securityMatcher("/api/**")
                .addFilterBefore(new BearerTokenFilter(unauthorized), CsrfFilter.class)
                // CSRF rides on the browser's ambient credential, the session cookie. A request carrying a
                // bearer token is authenticated by that header alone (BearerTokenFilter never falls back to
                // the session), and a cross-site page cannot make a browser send an Authorization header
                // (not CORS-safelisted, and this API answers no CORS preflight): such requests need no CSRF
                // token. API calls authenticated by the session cookie still do.
                .csrf(c -> c.ignoringRequestMatchers(BEARER))
                .requestCache(c -> c.disable())
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthorized))
                .authorizeHttpRequests(a -> a.anyRequest().authenticated());
        return http.build();
    }

    /** The logiciel métier's token: checked in constant time, never kept in the session. */
    private final class BearerTokenFilter extends OncePerRequestFilter {

        private final AuthenticationEntryPoint unauthorized;

        BearerTokenFilter(AuthenticationEntryPoint unauthorized) {
            this.unauthorized = unauthorized;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (!BEARER.matches(request)) {
                chain.doFilter(request, response);
                return;
            }
            byte[] given =
                    request.getHeader("Authorization").substring(7).strip().getBytes(StandardCharsets.UTF_8);
            if (!MessageDigest.isEqual(given, token)) {
                SecurityContextHolder.clearContext();
                unauthorized.commence(request, response, new BadCredentialsException("unknown API token"));
                return;
            }
            Principal backOffice = Principal.agent(
                    Commune.TENANT, AgentId.of("logiciel-metier"), Set.copyOf(Commune.TEAM_NAMES.keySet()));
            var context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(new PreAuthenticatedAuthenticationToken(
                    backOffice, null, List.of(new SimpleGrantedAuthority("ROLE_LOGICIEL_METIER"))));
            SecurityContextHolder.setContext(context);
            chain.doFilter(request, response);
        }
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**");
    }

    /** Hands the gru-core principal of the authenticated caller to the controller. */
    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        Principal principal = principal(SecurityContextHolder.getContext().getAuthentication());
        if (principal == null) {
            response.setStatus(401);
            return false;
        }
        request.setAttribute(PRINCIPAL, principal);
        return true;
    }

    private static @Nullable Principal principal(@Nullable Authentication authentication) {
        if (authentication instanceof GruAuthentication gru) {
            return gru.getPrincipal().principal();
        }
        return authentication != null && authentication.getPrincipal() instanceof Principal p ? p : null;
    }
}
