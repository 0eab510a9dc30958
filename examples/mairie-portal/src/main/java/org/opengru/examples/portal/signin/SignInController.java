package org.opengru.examples.portal.signin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.opengru.spring.security.GruAuthenticationException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The sign-in pages (the FranceConnect button for residents, the ProConnect button for agents) and the
 * refusal page. The sign-in itself is the starter's Spring Security chain: these pages only link to it and
 * explain its failures.
 */
@Controller
class SignInController {

    @GetMapping("/connexion")
    String signInPage(HttpServletRequest request, Model model) {
        model.addAttribute("error", failure(request, false));
        return "connexion";
    }

    @GetMapping("/agent/connexion")
    String agentSignInPage(HttpServletRequest request, Model model) {
        model.addAttribute("error", failure(request, true));
        return "agent/connexion";
    }

    /**
     * Where Spring Security forwards a refused request (403): a form sent without its CSRF token, or with
     * the token of a session that has expired, and a page of the other side (a resident on the agents' pages).
     */
    @RequestMapping(PortalSecurity.REFUSED)
    String refused(HttpServletRequest request, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        return request.getAttribute(WebAttributes.ACCESS_DENIED_403) instanceof CsrfException
                ? "formulaire-expire"
                : "interdit";
    }

    /** The last sign-in's failure, in plain words, when the chain came back with {@code ?login-error}. */
    private static @Nullable String failure(HttpServletRequest request, boolean agent) {
        if (request.getParameter("login-error") == null) {
            return null;
        }
        HttpSession session = request.getSession(false);
        Object e = session == null ? null : session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        String provider = agent ? "ProConnect" : "FranceConnect";
        if (e instanceof GruAuthenticationException g && "access_denied".equals(g.reason())) {
            return "Vous avez annulé la connexion avec " + provider + ". Vous pouvez réessayer.";
        }
        if (agent && e instanceof DisabledException) {
            return "Votre compte ProConnect n'est pas celui d'un agent de la mairie. Demandez au service des"
                    + " ressources humaines de vous inscrire dans l'annuaire des agents.";
        }
        return "La connexion avec " + provider + " n'a pas pu être vérifiée. Veuillez réessayer.";
    }
}
