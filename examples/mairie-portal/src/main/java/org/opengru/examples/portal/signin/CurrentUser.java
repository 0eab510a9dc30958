package org.opengru.examples.portal.signin;

import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Reads the signed-in user from the session; a page that needs one and finds none sends to sign-in. */
public final class CurrentUser {

    private CurrentUser() {}

    public static @Nullable PortalUser find(HttpSession session) {
        return session.getAttribute(PortalUser.SESSION_KEY) instanceof PortalUser u ? u : null;
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
    @ResponseStatus(HttpStatus.UNAUTHORIZED)
    public static final class SignInRequiredException extends RuntimeException {
        SignInRequiredException() {
            super("sign in required");
        }
    }

    /** No agent signed in: the handler sends to /agent/connexion. */
    @ResponseStatus(HttpStatus.UNAUTHORIZED)
    public static final class AgentSignInRequiredException extends RuntimeException {
        AgentSignInRequiredException() {
            super("agent sign in required");
        }
    }
}
