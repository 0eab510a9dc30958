package org.opengru.spring.security.portal;

import org.opengru.spring.security.GruAuthenticationException;
import org.opengru.spring.security.GruUser;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** A portal with three pages and no security code of its own: the starter's default chain protects it. */
@SpringBootApplication
@RestController
public class PortalApplication {

    @GetMapping("/")
    String home(@AuthenticationPrincipal GruUser user, jakarta.servlet.http.HttpServletRequest request) {
        if (request.getParameter("login-error") != null && request.getSession(false) != null) {
            Object e = request.getSession(false).getAttribute("SPRING_SECURITY_LAST_EXCEPTION");
            return "refusé " + (e instanceof GruAuthenticationException g ? g.reason() + " " + g.getMessage() : e);
        }
        return user == null ? "anonyme" : "connecté " + user.getName();
    }

    @GetMapping("/mon-espace")
    String myPage(@AuthenticationPrincipal GruUser.Resident resident, CsrfToken csrf) {
        return resident.principal().ref() + "|" + resident.pivot().familyName() + "|"
                + resident.identity().subject() + "|" + csrf.getToken();
    }

    @GetMapping("/agent/dossiers")
    String agentPage(@AuthenticationPrincipal GruUser.Agent agent) {
        return agent.principal().ref() + "|" + agent.principal().teams();
    }
}
