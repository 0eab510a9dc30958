package org.opengru.spring.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.Filter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;

/**
 * Item 6 of issue 16: the web defaults every host of the starter gets, on the default chain (an application's
 * own chain gets them through {@code GruLogin.configurer()} or {@code webDefaults}).
 */
class GruWebDefaultsTest {

    private final WebApplicationContextRunner runner = GruSecurityAutoConfigurationTest.RUNNER;

    @Test
    void everyResponseCarriesTheSecurityHeaders() {
        runner.run(context -> {
            Filter chain = context.getBean("springSecurityFilterChain", Filter.class);
            for (String path : new String[] {"/", "/mon-espace", "/agent/dossiers"}) {
                MockHttpServletResponse response = send(chain, request(path));
                String csp = response.getHeader("Content-Security-Policy");
                assertThat(csp)
                        .as(path)
                        .contains("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'")
                        .doesNotContain("unsafe-inline", "unsafe-eval");
                assertThat(response.getHeader("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
                assertThat(response.getHeader("Permissions-Policy")).contains("camera=()", "geolocation=()");
                assertThat(response.getHeader("X-Frame-Options")).isEqualTo("DENY");
            }
            MockHttpServletRequest overHttps = request("/");
            overHttps.setSecure(true);
            assertThat(send(chain, overHttps).getHeader("Strict-Transport-Security"))
                    .contains("max-age=");
        });
    }

    @Test
    void theApiDescriptionAndTheActuatorIndexAreForAgentsOnly() {
        runner.run(context -> {
            Filter chain = context.getBean("springSecurityFilterChain", Filter.class);
            for (String path :
                    new String[] {"/v3/api-docs", "/v3/api-docs/swagger-config", "/actuator", "/actuator/env"}) {
                assertThat(send(chain, request(path)).getStatus()).as(path).isEqualTo(302);
                MockHttpServletRequest resident = request(path);
                assertThat(send(chain, withRole(resident, "ROLE_USAGER")).getStatus())
                        .as(path)
                        .isEqualTo(403);
                assertThat(send(chain, withRole(request(path), "ROLE_AGENT")).getStatus())
                        .as(path)
                        .isEqualTo(200);
            }
            assertThat(send(chain, request("/actuator/health")).getStatus()).isEqualTo(200);
        });
    }

    @Test
    void afterSignInTheRedirectNeverNamesTheHostTheClientSent() throws Exception {
        SameHostSuccessHandler handler = new SameHostSuccessHandler("/mon-espace");
        MockHttpServletRequest asked = new MockHttpServletRequest("GET", "/mes-demandes/42");
        asked.setServerName("attaquant.example");
        asked.setQueryString("onglet=pieces");
        MockHttpServletResponse first = new MockHttpServletResponse();
        new HttpSessionRequestCache().saveRequest(asked, first);

        MockHttpServletRequest callback = new MockHttpServletRequest("GET", "/login/franceconnect/callback");
        callback.setServerName("attaquant.example");
        callback.setSession(asked.getSession());
        MockHttpServletResponse response = new MockHttpServletResponse();
        handler.onAuthenticationSuccess(callback, response, new TestingAuthenticationToken("x", "y"));
        assertThat(response.getRedirectedUrl()).startsWith("/mes-demandes/42?onglet=pieces");

        MockHttpServletResponse home = new MockHttpServletResponse();
        handler.onAuthenticationSuccess(
                new MockHttpServletRequest("GET", "/login/franceconnect/callback"),
                home,
                new TestingAuthenticationToken("x", "y"));
        assertThat(home.getRedirectedUrl()).isEqualTo("/mon-espace");
    }

    @Test
    void theServerDefaultsComeLastSoTheApplicationWins() {
        StandardEnvironment environment = new StandardEnvironment();
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "application", Map.of("management.endpoint.health.show-details", "never")));
        new GruWebDefaults().postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty("server.forward-headers-strategy")).isEqualTo("native");
        assertThat(environment.getProperty("server.tomcat.use-relative-redirects"))
                .isEqualTo("true");
        assertThat(environment.getProperty("management.endpoint.health.roles")).isEqualTo("AGENT");
        assertThat(environment.getProperty("management.endpoint.health.show-details"))
                .isEqualTo("never");
    }

    private static MockHttpServletRequest request(String path) {
        return new MockHttpServletRequest("GET", path);
    }

    private static MockHttpServletRequest withRole(MockHttpServletRequest request, String role) {
        var context = org.springframework.security.core.context.SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new TestingAuthenticationToken("someone", null, role));
        request.getSession()
                .setAttribute(
                        org.springframework.security.web.context.HttpSessionSecurityContextRepository
                                .SPRING_SECURITY_CONTEXT_KEY,
                        context);
        return request;
    }

    private static MockHttpServletResponse send(Filter chain, MockHttpServletRequest request) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        chain.doFilter(request, response, new MockFilterChain());
        return response;
    }
}
