package org.opengru.spring.security;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Server settings every host of OpenGRU gets unless it sets them itself (this property source comes last):
 * the proxy's {@code X-Forwarded-*} headers are honoured (Tomcat trusts them from private and loopback
 * addresses only), so that a request that reached the proxy over HTTPS is secure here and its session cookie
 * is {@code Secure}; redirects are relative, so they never echo the request's {@code Host} header; the
 * session cookie is {@code HttpOnly} and {@code SameSite=Lax}; health details are shown to agents only.
 */
public final class GruWebDefaults implements EnvironmentPostProcessor {

    /** The name of the property source. */
    public static final String SOURCE = "openGruWebDefaults";

    static final Map<String, Object> DEFAULTS = Map.of(
            "server.forward-headers-strategy", "native",
            "server.tomcat.use-relative-redirects", "true",
            "server.servlet.session.cookie.http-only", "true",
            "server.servlet.session.cookie.same-site", "lax",
            "management.endpoint.health.show-details", "when-authorized",
            "management.endpoint.health.show-components", "when-authorized",
            "management.endpoint.health.roles", "AGENT");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE, DEFAULTS));
    }
}
