package org.opengru.spring.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.opengru.core.principal.AgentPrincipal;
import org.opengru.core.principal.UsagerPrincipal;
import org.opengru.core.tenancy.TenantId;
import org.opengru.franceconnect.FranceConnectException;
import org.opengru.franceconnect.callback.CallbackParameters;
import org.opengru.franceconnect.callback.ProviderErrorException;
import org.opengru.franceconnect.rp.FranceConnectLogin;
import org.opengru.franceconnect.rp.RelyingParty;
import org.opengru.spring.franceconnect.AgentRelyingParties;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AbstractAuthenticationProcessingFilter;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * {@code GET <callback-path>}: hands the callback to the relying party's stages (error response, state,
 * issuer, code exchange, ID token, userinfo) and turns the checked sign-in into a {@link GruAuthentication}.
 * Every refused stage becomes a {@link GruAuthenticationException} naming it.
 */
final class LoginCallbackFilter extends AbstractAuthenticationProcessingFilter {

    private final GruLogin login;
    private final GruLogin.Side side;

    LoginCallbackFilter(GruLogin login, GruLogin.Side side, RequestMatcher matcher) {
        super(matcher);
        this.login = login;
        this.side = side;
    }

    @Override
    public Authentication attemptAuthentication(HttpServletRequest request, HttpServletResponse response)
            throws AuthenticationException {
        HttpSession session = request.getSession(false);
        Object pending = session == null ? null : session.getAttribute(LoginStartFilter.SESSION_TENANT + "." + side);
        String tenant = pending instanceof String t ? t : "unknown";
        try {
            Authentication done = authenticate(request);
            login.attempted(side, tenant, "success");
            return done;
        } catch (GruAuthenticationException e) {
            login.attempted(side, tenant, e.reason());
            throw e;
        } catch (AuthenticationException e) {
            login.attempted(side, tenant, e.getClass().getSimpleName());
            throw e;
        }
    }

    private Authentication authenticate(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object tenantId = session == null ? null : session.getAttribute(LoginStartFilter.SESSION_TENANT + "." + side);
        if (!(tenantId instanceof String id)) {
            throw new GruAuthenticationException("no_pending_login", "No sign-in was started in this session", null);
        }
        session.removeAttribute(LoginStartFilter.SESSION_TENANT + "." + side);
        Object binding = session.getAttribute(LoginStartFilter.SESSION_BINDING + "." + side);
        session.removeAttribute(LoginStartFilter.SESSION_BINDING + "." + side);
        TenantId tenant = TenantId.of(id);
        RelyingParty rp = login.relyingParty(side, tenant)
                .orElseThrow(
                        () -> new GruAuthenticationException("unknown_tenant", "No relying party for " + id, null));
        FranceConnectLogin done;
        try {
            done = rp.completeLogin(CallbackParameters.fromQuery(request.getQueryString())
                    .withBrowserBinding(binding instanceof String b ? b : null));
        } catch (ProviderErrorException e) {
            throw new GruAuthenticationException(e.error(), "The provider answered " + e.error(), e);
        } catch (FranceConnectException e) {
            throw new GruAuthenticationException(
                    e.getClass().getSimpleName(), "The sign-in was refused: " + e.getMessage(), e);
        }
        if (side == GruLogin.Side.AGENT) {
            AgentRelyingParties.AgentLogin settings = login.agentLogin(tenant).orElseThrow();
            AgentPrincipal agent = login.agentResolver().resolve(tenant, done, settings);
            return new GruAuthentication(new GruUser.Agent(
                    tenant,
                    agent,
                    done.idToken().issuer(),
                    done.identity().claims(),
                    done.idToken().raw()));
        }
        UsagerPrincipal usager = login.usagers().resolve(tenant, done);
        return new GruAuthentication(new GruUser.Resident(
                tenant,
                usager,
                done.identity(),
                done.identity().pivot(),
                done.idToken().raw()));
    }
}
