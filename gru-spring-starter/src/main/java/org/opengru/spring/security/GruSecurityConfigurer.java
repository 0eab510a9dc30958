package org.opengru.spring.security;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.opengru.spring.GruProperties;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.logout.LogoutFilter;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Adds OpenGRU's sign-in to an {@link HttpSecurity}: {@code GET login-path} and {@code GET agent-login-path}
 * start a sign-in, the callbacks complete it through the gru-franceconnect relying party (with a new session
 * id: no session fixation), the entry point sends an anonymous visitor to the agent sign-in on
 * {@code agent-paths} and to FranceConnect elsewhere (or to the application's {@code agent-login-page} and
 * {@code login-page}), {@code POST logout-path} ends the local session and then the provider's. A failed
 * sign-in goes back to the side's sign-in page, or {@code /}, with {@code ?login-error} (the reason is the
 * session's {@code SPRING_SECURITY_LAST_EXCEPTION}, a {@link GruAuthenticationException}).
 */
public final class GruSecurityConfigurer extends AbstractHttpConfigurer<GruSecurityConfigurer, HttpSecurity> {

    private static final String SESSION_COOKIE = "JSESSIONID";

    private final GruLogin login;

    GruSecurityConfigurer(GruLogin login) {
        this.login = login;
    }

    @Override
    public void init(HttpSecurity http) {
        GruProperties.Security paths = login.paths();
        RequestMatcher agentPaths = any(paths.agentPaths());
        AuthenticationEntryPoint entryPoint = (request, response, e) -> response.sendRedirect(request.getContextPath()
                + (agentPaths.matches(request) ? entry(GruLogin.Side.AGENT) : entry(GruLogin.Side.RESIDENT)));
        login.webDefaults(http);
        try {
            http.exceptionHandling(e -> e.authenticationEntryPoint(entryPoint));
            // The cleared session cookie is Secure when the request came over HTTPS (forwarded headers
            // honoured, see GruWebDefaults).
            http.logout(l -> l.logoutRequestMatcher(
                            PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, paths.logoutPath()))
                    .deleteCookies(SESSION_COOKIE)
                    .logoutSuccessHandler(new ProviderLogoutSuccessHandler(login)));
        } catch (Exception e) {
            throw new IllegalStateException("Cannot configure OpenGRU's sign-in", e);
        }
    }

    @Override
    public void configure(HttpSecurity http) {
        GruProperties.Security paths = login.paths();
        SecurityContextRepository contexts = http.getSharedObject(SecurityContextRepository.class);
        if (contexts == null) {
            contexts = new HttpSessionSecurityContextRepository();
        }
        http.addFilterBefore(
                new LoginStartFilter(login, GruLogin.Side.RESIDENT, get(paths.loginPath())), LogoutFilter.class);
        http.addFilterBefore(
                new LoginStartFilter(login, GruLogin.Side.AGENT, get(paths.agentLoginPath())), LogoutFilter.class);
        http.addFilterBefore(callback(GruLogin.Side.RESIDENT, paths.callbackPath(), contexts), LogoutFilter.class);
        http.addFilterBefore(callback(GruLogin.Side.AGENT, paths.agentCallbackPath(), contexts), LogoutFilter.class);
        http.addFilterBefore(new LogoutCallbackFilter(login, get(paths.logoutCallbackPath())), LogoutFilter.class);
    }

    private LoginCallbackFilter callback(GruLogin.Side side, String path, SecurityContextRepository contexts) {
        LoginCallbackFilter filter = new LoginCallbackFilter(login, side, get(path));
        filter.setSecurityContextRepository(contexts);
        filter.setSessionAuthenticationStrategy(new ChangeSessionIdAuthenticationStrategy());
        filter.setAuthenticationSuccessHandler(new SameHostSuccessHandler(
                side == GruLogin.Side.AGENT
                        ? login.paths().agentHomePath()
                        : login.paths().homePath()));
        String page = page(side);
        filter.setAuthenticationFailureHandler(
                new SimpleUrlAuthenticationFailureHandler((page == null ? "/" : page) + "?login-error"));
        return filter;
    }

    /** Where an anonymous visitor of this side is sent: the application's sign-in page, or the provider. */
    private String entry(GruLogin.Side side) {
        String page = page(side);
        if (page != null) {
            return page;
        }
        return side == GruLogin.Side.AGENT
                ? login.paths().agentLoginPath()
                : login.paths().loginPath();
    }

    private @Nullable String page(GruLogin.Side side) {
        return side == GruLogin.Side.AGENT
                ? login.paths().agentLoginPage()
                : login.paths().loginPage();
    }

    private static RequestMatcher get(String path) {
        return PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, path);
    }

    private static RequestMatcher any(List<String> patterns) {
        List<RequestMatcher> matchers = patterns.stream()
                .map(p -> (RequestMatcher)
                        PathPatternRequestMatcher.withDefaults().matcher(p))
                .toList();
        return matchers.isEmpty() ? request -> false : new OrRequestMatcher(matchers);
    }
}
