package org.opengru.examples.portal.signin;

import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.opengru.spring.security.GruAuthentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/**
 * Reads the signed-in user from the session, where Spring Security keeps the sign-in
 * ({@link HttpSessionSecurityContextRepository}). The filter chain already sends anonymous visitors to
 * the sign-in pages; a page that finds the wrong kind of user refuses it.
 */
public final class CurrentUser {

    private CurrentUser() {}

    public static @Nullable PortalUser find(HttpSession session) {
        Object context = session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        return context instanceof SecurityContext c && c.getAuthentication() instanceof GruAuthentication gru
                ? PortalUser.of(gru.getPrincipal())
                : null;
    }

    public static PortalUser resident(HttpSession session) {
        PortalUser u = find(session);
        if (u == null || u.agent()) {
            throw new SignInRequiredException();
        }
        return u;
    }

    public static PortalUser agent(HttpSession session) {
        PortalUser u = find(session);
        if (u == null || !u.agent()) {
            throw new AgentSignInRequiredException();
        }
        return u;
    }

    /** No resident signed in: the handler sends to /connexion. */
    public static final class SignInRequiredException extends RuntimeException {
        SignInRequiredException() {
            super("sign in required");
        }
    }

    /** No agent signed in: the handler sends to /agent/connexion. */
    public static final class AgentSignInRequiredException extends RuntimeException {
        AgentSignInRequiredException() {
            super("agent sign in required");
        }
    }
}
