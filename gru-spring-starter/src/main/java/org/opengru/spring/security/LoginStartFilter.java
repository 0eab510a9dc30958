package org.opengru.spring.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.opengru.core.tenancy.TenantId;
import org.opengru.franceconnect.FranceConnectException;
import org.opengru.franceconnect.rp.AuthorizationRedirect;
import org.opengru.franceconnect.rp.RelyingParty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code GET <login-path>}: starts a sign-in with the tenant's relying party (state, nonce and PKCE kept
 * in the login flow store) and redirects the browser to the provider. The tenant and the login's browser
 * binding are kept in the session for the callback.
 */
final class LoginStartFilter extends OncePerRequestFilter {

    static final String SESSION_TENANT = LoginStartFilter.class.getName() + ".tenant";
    static final String SESSION_BINDING = LoginStartFilter.class.getName() + ".binding";

    private static final Logger log = LoggerFactory.getLogger(LoginStartFilter.class);

    private final GruLogin login;
    private final GruLogin.Side side;
    private final RequestMatcher matcher;

    LoginStartFilter(GruLogin login, GruLogin.Side side, RequestMatcher matcher) {
        this.login = login;
        this.side = side;
        this.matcher = matcher;
    }

    /** One attribute per instance: the resident's and the agent's filters are both instances of this class. */
    @Override
    protected String getAlreadyFilteredAttributeName() {
        return super.getAlreadyFilteredAttributeName() + "." + System.identityHashCode(this);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!matcher.matches(request)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<TenantId> tenant = login.tenant(request);
        Optional<RelyingParty> rp = tenant.flatMap(t -> login.relyingParty(side, t));
        if (rp.isEmpty()) {
            response.sendError(
                    HttpServletResponse.SC_NOT_FOUND,
                    tenant.isEmpty()
                            ? "Unknown collectivité"
                            : "This sign-in is not offered by " + tenant.get().value());
            return;
        }
        try {
            AuthorizationRedirect redirect = rp.get().startLogin(null);
            HttpSession session = request.getSession(true);
            session.setAttribute(SESSION_TENANT + "." + side, tenant.get().value());
            // Binds the login to this browser (its session): a callback from another browser is refused.
            session.setAttribute(SESSION_BINDING + "." + side, redirect.browserBinding());
            response.sendRedirect(redirect.uri().toString());
        } catch (FranceConnectException e) {
            log.warn("Cannot start a {} sign-in for {}: {}", side, tenant.get().value(), e.getMessage());
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE, "The identity provider cannot be reached");
        }
    }
}
