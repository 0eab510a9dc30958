package org.opengru.spring.security;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.opengru.franceconnect.FranceConnectException;
import org.opengru.franceconnect.rp.LogoutRedirect;
import org.opengru.franceconnect.rp.RelyingParty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;

/**
 * After the local session ended: RP-initiated logout at the provider ({@code id_token_hint}, {@code state},
 * {@code post_logout_redirect_uri}). A short cookie remembers the tenant and side for the logout callback.
 * Without a provider session, straight to {@code logged-out-path}.
 */
final class ProviderLogoutSuccessHandler implements LogoutSuccessHandler {

    static final String COOKIE = "GRU_LOGOUT";

    private static final Logger log = LoggerFactory.getLogger(ProviderLogoutSuccessHandler.class);

    private final GruLogin login;

    ProviderLogoutSuccessHandler(GruLogin login) {
        this.login = login;
    }

    @Override
    public void onLogoutSuccess(HttpServletRequest request, HttpServletResponse response, @Nullable Authentication auth)
            throws IOException {
        if (auth instanceof GruAuthentication gru) {
            GruUser user = gru.getPrincipal();
            GruLogin.Side side = user instanceof GruUser.Agent ? GruLogin.Side.AGENT : GruLogin.Side.RESIDENT;
            Optional<RelyingParty> rp = login.relyingParty(side, user.tenant());
            if (rp.isPresent() && rp.get().config().postLogoutRedirectUri() != null) {
                try {
                    LogoutRedirect redirect = rp.get().startLogout(user.idToken());
                    Cookie cookie =
                            new Cookie(COOKIE, side + "." + user.tenant().value());
                    cookie.setHttpOnly(true);
                    cookie.setSecure(request.isSecure());
                    cookie.setPath("/");
                    cookie.setMaxAge(600);
                    response.addCookie(cookie);
                    response.sendRedirect(redirect.uri().toString());
                    return;
                } catch (FranceConnectException e) {
                    log.warn("Provider logout of {} failed; local session ended: {}", user, e.getMessage());
                }
            }
        }
        response.sendRedirect(request.getContextPath() + login.paths().loggedOutPath());
    }
}
