package org.opengru.spring.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.opengru.core.tenancy.TenantId;
import org.opengru.franceconnect.FranceConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/** {@code GET <logout-callback-path>}: checks the logout {@code state} (single use), then to {@code logged-out-path}. */
final class LogoutCallbackFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(LogoutCallbackFilter.class);

    private final GruLogin login;
    private final RequestMatcher matcher;

    LogoutCallbackFilter(GruLogin login, RequestMatcher matcher) {
        this.login = login;
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
        String remembered = null;
        if (request.getCookies() != null) {
            for (Cookie c : request.getCookies()) {
                if (ProviderLogoutSuccessHandler.COOKIE.equals(c.getName())) {
                    remembered = c.getValue();
                }
            }
        }
        if (remembered != null && remembered.contains(".")) {
            String side = remembered.substring(0, remembered.indexOf('.'));
            String tenant = remembered.substring(remembered.indexOf('.') + 1);
            try {
                login.relyingParty(GruLogin.Side.valueOf(side), TenantId.of(tenant))
                        .ifPresent(rp -> rp.completeLogout(request.getParameter("state")));
            } catch (FranceConnectException | IllegalArgumentException e) {
                // The local session is already over: a bad state only means this redirect is not ours.
                log.warn("Logout callback refused: {}", e.getMessage());
            }
            Cookie clear = new Cookie(ProviderLogoutSuccessHandler.COOKIE, "");
            clear.setPath("/");
            clear.setMaxAge(0);
            response.addCookie(clear);
        }
        response.sendRedirect(request.getContextPath() + login.paths().loggedOutPath());
    }
}
