package org.opengru.spring.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;

/**
 * After a sign-in, back to the page that was asked for, else to the side's home. Spring's saved request
 * holds an absolute URL built from the request's {@code Host} header; only its path and query are kept,
 * so the redirect is relative and never names a host a client chose.
 */
final class SameHostSuccessHandler implements AuthenticationSuccessHandler {

    private final String home;
    private final RequestCache requests = new HttpSessionRequestCache();
    private final RedirectStrategy redirects = new DefaultRedirectStrategy();

    SameHostSuccessHandler(String home) {
        this.home = home;
    }

    @Override
    public void onAuthenticationSuccess(
            HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException {
        SavedRequest saved = requests.getRequest(request, response);
        String target = home;
        if (saved != null) {
            requests.removeRequest(request, response);
            target = pathAndQuery(request.getContextPath(), saved.getRedirectUrl());
        }
        var session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        }
        redirects.sendRedirect(request, response, target);
    }

    /** The path (without the context path, which the redirect strategy adds back) and query of a URL. */
    private String pathAndQuery(String contextPath, String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return home;
        }
        String path = uri.getRawPath();
        if (path == null || !path.startsWith(contextPath + "/")) {
            return home;
        }
        path = path.substring(contextPath.length());
        if (path.startsWith("//")) {
            return home;
        }
        return path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }
}
