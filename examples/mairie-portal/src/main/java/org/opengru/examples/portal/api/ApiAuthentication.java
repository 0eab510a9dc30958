package org.opengru.examples.portal.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.opengru.core.id.AgentId;
import org.opengru.core.principal.Principal;
import org.opengru.examples.portal.commune.Commune;
import org.opengru.examples.portal.signin.CurrentUser;
import org.opengru.examples.portal.signin.PortalUser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Who calls the API: the logiciel métier with its bearer token (acting as the agent
 * {@code logiciel-metier}, member of every team), or a signed-in resident or agent (session cookie).
 * Anything else gets 401.
 */
@Configuration(proxyBeanMethods = false)
class ApiAuthentication implements WebMvcConfigurer, HandlerInterceptor {

    static final String PRINCIPAL = "api.principal";

    private final byte[] token;

    ApiAuthentication(@Value("${portal.api.token:jeton-de-demonstration-du-logiciel-metier}") String token) {
        this.token = token.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws Exception {
        Principal principal = principal(request);
        if (principal == null) {
            response.setStatus(401);
            response.setHeader("WWW-Authenticate", "Bearer realm=\"opengru\"");
            response.setContentType("application/problem+json");
            response.getWriter().write("{\"title\":\"Authentification requise\",\"status\":401}");
            return false;
        }
        request.setAttribute(PRINCIPAL, principal);
        return true;
    }

    private @Nullable Principal principal(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header != null && header.startsWith("Bearer ")) {
            byte[] given = header.substring(7).strip().getBytes(StandardCharsets.UTF_8);
            // Constant-time comparison: the token is a secret.
            return MessageDigest.isEqual(given, token)
                    ? Principal.agent(
                            Commune.TENANT, AgentId.of("logiciel-metier"), Set.copyOf(Commune.TEAM_NAMES.keySet()))
                    : null;
        }
        var session = request.getSession(false);
        PortalUser user = session == null ? null : CurrentUser.find(session);
        return user == null ? null : user.principal();
    }
}
