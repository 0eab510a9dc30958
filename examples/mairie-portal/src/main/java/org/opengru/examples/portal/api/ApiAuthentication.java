package org.opengru.examples.portal.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.opengru.core.id.AgentId;
import org.opengru.core.id.TeamId;
import org.opengru.core.principal.Principal;
import org.opengru.examples.portal.commune.Commune;
import org.opengru.spring.security.GruAuthentication;
import org.opengru.spring.security.GruLogin;
import org.opengru.spring.web.GruProblems;
import org.opengru.spring.web.GruProblems.ProblemCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who calls the API ({@code /api/**}, its own filter chain): the logiciel métier with one of its bearer
 * tokens ({@link ApiTokens}: acting as the agent {@code logiciel-metier}, member of every team, within the
 * token's scopes), or a resident or agent signed in to the portal (session cookie, then with the CSRF token
 * like any form). Anything else gets 401. Every use of a token, allowed or refused, is written to the audit
 * log {@code org.opengru.examples.portal.api.audit} with the token's id, never the token.
 */
@Configuration(proxyBeanMethods = false)
class ApiAuthentication implements WebMvcConfigurer, HandlerInterceptor {

    static final String PRINCIPAL = "api.principal";

    private static final Logger AUDIT = LoggerFactory.getLogger("org.opengru.examples.portal.api.audit");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A request that carries a bearer token: it is authenticated by that token alone, never by the session. */
    private static final RequestMatcher BEARER = request -> {
        String header = request.getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
    };

    private final Map<String, ApiTokens.Token> tokens;

    ApiAuthentication(ApiTokens settings, Environment environment) {
        this.tokens = settings.tokensOrEmpty();
        String howTo = "Set " + ApiTokens.PROPERTY + ".<id>.secret to at least 32 random characters"
                + " (openssl rand -base64 32) from the environment or a secret store, for example"
                + " PORTAL_API_TOKENS_LOGICIELMETIER_SECRET, " + ApiTokens.PROPERTY + ".<id>.scopes to what the"
                + " logiciel métier may do (read, decide, webhooks) and " + ApiTokens.PROPERTY + ".<id>.teams to the"
                + " teams it acts for (" + knownTeams() + "). Several tokens may be set at once to rotate them.";
        if (tokens.isEmpty()) {
            throw new ApiTokenConfigurationException(ApiTokens.PROPERTY, "is not set", howTo);
        }
        tokens.forEach((id, token) -> token.teams().forEach(team -> {
            if (!Commune.TEAM_NAMES.containsKey(TeamId.of(team))) {
                throw new ApiTokenConfigurationException(
                        ApiTokens.PROPERTY + "." + id + ".teams", "names an unknown team '" + team + "'", howTo);
            }
        }));
        if (!environment.acceptsProfiles(Profiles.of("demo"))) {
            tokens.forEach((id, token) -> {
                if (token.secret().matches(ApiTokens.DEMO_TOKEN)) {
                    throw new ApiTokenConfigurationException(
                            ApiTokens.PROPERTY + "." + id + ".secret",
                            "is the published demonstration token, accepted in the demo profile only",
                            howTo);
                }
            });
        }
    }

    private static String knownTeams() {
        return Commune.TEAM_NAMES.keySet().stream().map(TeamId::value).sorted().collect(Collectors.joining(", "));
    }

    @Bean
    @Order(1)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    SecurityFilterChain api(HttpSecurity http, GruLogin gru) throws Exception {
        AuthenticationEntryPoint unauthorized = (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"opengru\"");
            write(response, GruProblems.of(ProblemCode.AUTHENTICATION_REQUIRED));
        };
        AccessDeniedHandler refused =
                (request, response, e) -> write(response, GruProblems.of(ProblemCode.ACCESS_DENIED));
        gru.webDefaults(http);
        http.securityMatcher("/api/**")
                .addFilterBefore(new BearerTokenFilter(unauthorized), CsrfFilter.class)
                // CSRF rides on the browser's ambient credential, the session cookie. A request carrying a
                // bearer token is authenticated by that header alone (BearerTokenFilter never falls back to
                // the session), and a cross-site page cannot make a browser send an Authorization header
                // (not CORS-safelisted, and this API answers no CORS preflight): such requests need no CSRF
                // token. API calls authenticated by the session cookie still do.
                .csrf(c -> c.ignoringRequestMatchers(BEARER))
                .requestCache(c -> c.disable())
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthorized).accessDeniedHandler(refused))
                .authorizeHttpRequests(a -> a.anyRequest().authenticated());
        return http.build();
    }

    /** What a token's authentication carries besides the principal: which token, for the audit and scopes. */
    record TokenUse(String id, Set<ApiTokens.Scope> scopes) {}

    /** The logiciel métier's tokens: each compared in constant time, never kept in the session. */
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
            String given = request.getHeader("Authorization").substring(7).strip();
            // Every token is compared, whichever matches, so the time taken tells nothing about them.
            String matched = null;
            for (Map.Entry<String, ApiTokens.Token> token : tokens.entrySet()) {
                if (token.getValue().secret().matches(given) && matched == null) {
                    matched = token.getKey();
                }
            }
            if (matched == null) {
                AUDIT.warn(
                        "API call refused: unknown bearer token, {} {} from {}",
                        request.getMethod(),
                        request.getRequestURI(),
                        request.getRemoteAddr());
                SecurityContextHolder.clearContext();
                unauthorized.commence(request, response, null);
                return;
            }
            // The logiciel métier acts as an agent of the token's teams only.
            Principal backOffice = Principal.agent(
                    Commune.TENANT,
                    AgentId.of("logiciel-metier"),
                    tokens.get(matched).teams().stream().map(TeamId::of).collect(Collectors.toSet()));
            var authentication = new PreAuthenticatedAuthenticationToken(
                    backOffice, null, List.of(new SimpleGrantedAuthority("ROLE_LOGICIEL_METIER")));
            authentication.setDetails(new TokenUse(matched, tokens.get(matched).scopes()));
            var context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(authentication);
            SecurityContextHolder.setContext(context);
            chain.doFilter(request, response);
        }
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**");
    }

    /**
     * Hands the gru-core principal of the authenticated caller to the controller; a token must hold the
     * operation's {@link ApiScope} (an operation without one is closed to tokens), and its use is audited.
     */
    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        Principal principal = principal(authentication);
        if (principal == null) {
            write(response, GruProblems.of(ProblemCode.AUTHENTICATION_REQUIRED));
            return false;
        }
        if (authentication.getDetails() instanceof TokenUse token) {
            ApiScope needed =
                    handler instanceof HandlerMethod method ? method.getMethodAnnotation(ApiScope.class) : null;
            if (needed == null || !token.scopes().contains(needed.value())) {
                AUDIT.warn(
                        "API token '{}' refused: {} {} needs scope {}, the token has {}",
                        token.id(),
                        request.getMethod(),
                        request.getRequestURI(),
                        needed == null ? "(none: closed to tokens)" : needed.value(),
                        token.scopes());
                write(response, GruProblems.of(ProblemCode.SCOPE_MISSING));
                return false;
            }
            AUDIT.info(
                    "API token '{}' used: {} {} (scope {})",
                    token.id(),
                    request.getMethod(),
                    request.getRequestURI(),
                    needed.value());
        }
        request.setAttribute(PRINCIPAL, principal);
        return true;
    }

    private static void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        response.getWriter().write(JSON.writeValueAsString(body));
    }

    private static @Nullable Principal principal(@Nullable Authentication authentication) {
        if (authentication instanceof GruAuthentication gru) {
            return gru.getPrincipal().principal();
        }
        return authentication != null && authentication.getPrincipal() instanceof Principal p ? p : null;
    }
}
