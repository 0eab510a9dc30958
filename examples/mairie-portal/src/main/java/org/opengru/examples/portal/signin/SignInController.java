package org.opengru.examples.portal.signin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.net.URI;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.opengru.core.usager.Person;
import org.opengru.examples.portal.commune.Commune;
import org.opengru.franceconnect.FranceConnectException;
import org.opengru.franceconnect.callback.CallbackParameters;
import org.opengru.franceconnect.callback.ProviderErrorException;
import org.opengru.franceconnect.link.PivotMismatchException;
import org.opengru.franceconnect.link.UsagerLinker;
import org.opengru.franceconnect.rp.AuthorizationRedirect;
import org.opengru.franceconnect.rp.FranceConnectLogin;
import org.opengru.franceconnect.rp.RelyingParty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Sign-in and sign-out: FranceConnect for residents, the agents' directory for agents. */
@Controller
class SignInController {

    private static final Logger log = LoggerFactory.getLogger(SignInController.class);
    private static final String BROWSER_BINDING = "franceconnect.browser-binding";

    private final FranceConnectGateway franceConnect;
    private final UsagerLinker linker;
    private final AgentDirectory agents;

    SignInController(FranceConnectGateway franceConnect, UsagerLinker linker, AgentDirectory agents) {
        this.franceConnect = franceConnect;
        this.linker = linker;
        this.agents = agents;
    }

    @GetMapping("/connexion")
    String signInPage() {
        return "connexion";
    }

    /** The FranceConnect button: off to the provider with state, nonce and PKCE kept by the relying party. */
    @PostMapping("/connexion/franceconnect")
    String startFranceConnect(HttpServletRequest request, HttpSession session) {
        RelyingParty rp = franceConnect.relyingParty(base(request));
        AuthorizationRedirect go = rp.startLogin("/mon-espace");
        // Binds the login to this browser: a callback carrying a state started elsewhere is refused.
        session.setAttribute(BROWSER_BINDING, go.browserBinding());
        return "redirect:" + go.uri();
    }

    @GetMapping(FranceConnectGateway.CALLBACK)
    String franceConnectCallback(HttpServletRequest request, HttpSession session, Model model) {
        RelyingParty rp = franceConnect.relyingParty(base(request));
        URI callback = URI.create(
                request.getRequestURL() + (request.getQueryString() == null ? "" : "?" + request.getQueryString()));
        FranceConnectLogin login;
        try {
            Object binding = session.getAttribute(BROWSER_BINDING);
            session.removeAttribute(BROWSER_BINDING);
            CallbackParameters parameters = CallbackParameters.fromUri(callback);
            login = rp.completeLogin(binding instanceof String b ? parameters.withBrowserBinding(b) : parameters);
        } catch (ProviderErrorException e) {
            model.addAttribute(
                    "error", "La connexion avec FranceConnect a été annulée ou a échoué. Vous pouvez réessayer.");
            return "connexion";
        } catch (FranceConnectException e) {
            log.warn("FranceConnect sign-in refused: {}", e.toString());
            model.addAttribute(
                    "error", "La connexion avec FranceConnect n'a pas pu être vérifiée. Veuillez réessayer.");
            return "connexion";
        }
        Person person = usagerOf(login);
        session.setAttribute(
                PortalUser.SESSION_KEY,
                PortalUser.resident(
                        person.id(),
                        String.join(" ", person.givenNames().value()) + " "
                                + person.familyName().value(),
                        login.idToken().raw()));
        request.changeSessionId();
        return "redirect:" + (login.returnTo() == null ? "/mon-espace" : login.returnTo());
    }

    /** Known account, else the resident whose identité pivot matches exactly, else a new usager. */
    private Person usagerOf(FranceConnectLogin login) {
        Optional<Person> known = linker.recognise(Commune.TENANT, login);
        if (known.isPresent()) {
            return known.get();
        }
        for (var candidate : org.opengru.examples.portal.demo.DemoPeople.residents()) {
            try {
                return linker.linkOnPivot(Commune.TENANT, login, candidate);
            } catch (PivotMismatchException | org.opengru.core.error.NotFoundException e) {
                // not this one
            } catch (org.opengru.core.error.ValidationException e) {
                // a household or an organisation: never linked to a FranceConnect account
            }
        }
        return linker.createUsager(Commune.TENANT, login);
    }

    @GetMapping("/agent/connexion")
    String agentSignInPage(Model model) {
        model.addAttribute("agents", agents.all());
        return "agent/connexion";
    }

    /**
     * The demo's agent sign-in: choosing an agent of the directory. A real installation signs agents in
     * through ProConnect with the same relying party code as FranceConnect.
     */
    @PostMapping("/agent/connexion")
    String agentSignIn(@RequestParam String agent, HttpServletRequest request, HttpSession session, Model model) {
        Optional<AgentDirectory.Agent> found = agents.find(agent);
        if (found.isEmpty()) {
            model.addAttribute("agents", agents.all());
            model.addAttribute("error", "Choisissez un agent dans la liste.");
            return "agent/connexion";
        }
        session.setAttribute(
                PortalUser.SESSION_KEY,
                PortalUser.agent(
                        found.get().id(), found.get().teams(), found.get().name()));
        request.changeSessionId();
        return "redirect:/agent";
    }

    @PostMapping("/deconnexion")
    String signOut(HttpServletRequest request, HttpSession session) {
        @Nullable PortalUser user = CurrentUser.find(session);
        session.invalidate();
        if (user != null && user.idTokenHint() != null) {
            RelyingParty rp = franceConnect.relyingParty(base(request));
            return "redirect:" + rp.startLogout(user.idTokenHint()).uri();
        }
        return "redirect:/?deconnecte";
    }

    @GetMapping(FranceConnectGateway.LOGGED_OUT)
    String loggedOut(HttpServletRequest request, @RequestParam(required = false) @Nullable String state) {
        try {
            franceConnect.relyingParty(base(request)).completeLogout(state);
        } catch (FranceConnectException e) {
            log.info("FranceConnect logout return without a known state: {}", e.getMessage());
        }
        return "redirect:/?deconnecte";
    }

    private static URI base(HttpServletRequest request) {
        return URI.create(
                ServletUriComponentsBuilder.fromContextPath(request).build().toUriString() + "/");
    }
}
