package org.opengru.examples.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.opengru.examples.portal.demo.DemoPeople;

/**
 * Item 6 of issue 16, over real HTTP: the security headers on pages and API, the session cookie Secure
 * when the proxy says the request came over HTTPS ({@code X-Forwarded-Proto}) and on the cookie cleared at
 * sign-out, redirects that never echo the {@code Host} header, the API description and the actuator for
 * agents only, and health details for agents only.
 */
class WebDefaultsTest extends RunningPortal {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void pagesAndTheApiCarryTheSecurityHeaders() throws Exception {
        for (String path : List.of("/", "/connexion", "/demarches", "/api/v1/demandes")) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url(path))));
            String csp =
                    response.headers().firstValue("Content-Security-Policy").orElse("");
            assertThat(csp)
                    .as(path)
                    .contains("script-src 'self'", "style-src 'self'", "frame-ancestors 'none'")
                    .doesNotContain("unsafe-inline");
            assertThat(response.headers().firstValue("Referrer-Policy"))
                    .as(path)
                    .hasValue("strict-origin-when-cross-origin");
            assertThat(response.headers().firstValue("Permissions-Policy").orElse(""))
                    .as(path)
                    .contains("camera=()");
            assertThat(response.headers().firstValue("X-Frame-Options"))
                    .as(path)
                    .hasValue("DENY");
        }
    }

    @Test
    void overHttpsBehindTheProxyTheSessionCookieIsSecureAlsoWhenClearedAtSignOut() throws Exception {
        HttpResponse<String> plain = send(HttpRequest.newBuilder(URI.create(url("/connexion/franceconnect"))));
        assertThat(sessionCookie(plain)).doesNotContain("Secure").contains("HttpOnly");

        HttpResponse<String> start = send(HttpRequest.newBuilder(URI.create(url("/connexion/franceconnect")))
                .header("X-Forwarded-Proto", "https"));
        assertThat(sessionCookie(start)).contains("Secure").contains("HttpOnly").containsIgnoringCase("SameSite=Lax");
        assertThat(start.headers().firstValue("Strict-Transport-Security")).isPresent();

        HttpBrowser claire = new HttpBrowser(PORT);
        claire.signInResident();
        String cookie = "JSESSIONID=" + claire.sessionId();
        HttpResponse<String> space = send(HttpRequest.newBuilder(URI.create(url("/mon-espace")))
                .header("X-Forwarded-Proto", "https")
                .header("Cookie", cookie));
        Matcher csrf = CSRF.matcher(space.body());
        assertThat(csrf.find()).as("the sign-out form with its CSRF token").isTrue();
        HttpResponse<String> signOut = send(HttpRequest.newBuilder(URI.create(url("/deconnexion")))
                .header("X-Forwarded-Proto", "https")
                .header("Cookie", cookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + csrf.group(1))));
        assertThat(signOut.statusCode()).isEqualTo(302);
        assertThat(sessionCookie(signOut))
                .startsWith("JSESSIONID=;")
                .contains("Expires=Thu, 01 Jan 1970")
                .contains("Secure");
    }

    @Test
    void redirectsNeverNameTheHostTheClientSent() throws IOException {
        for (String path : List.of("/mon-espace", "/agent", "/rendez-vous")) {
            String response = raw("GET " + path + " HTTP/1.1\r\nHost: attaquant.example\r\nConnection: close\r\n\r\n");
            assertThat(response).as(path).startsWith("HTTP/1.1 302");
            assertThat(response).as(path).doesNotContain("attaquant.example");
        }
    }

    @Test
    void theApiDescriptionTheActuatorAndHealthDetailsAreForAgentsOnly() {
        HttpBrowser anonymous = new HttpBrowser(PORT);
        HttpBrowser resident = new HttpBrowser(PORT);
        resident.signInResident();
        HttpBrowser agent = new HttpBrowser(PORT);
        agent.signInAgent(DemoPeople.agent(DemoPeople.JEANNE));
        for (String path : List.of("/v3/api-docs", "/actuator")) {
            assertThat(anonymous.step(path).statusCode()).as(path).isEqualTo(302);
            assertThat(resident.get(path).statusCode()).as(path).isEqualTo(403);
            assertThat(agent.get(path).statusCode()).as(path).isEqualTo(200);
        }
        HttpResponse<String> health = anonymous.get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"UP\"").doesNotContain("components");
        assertThat(resident.get("/actuator/health").body()).doesNotContain("components");
        assertThat(agent.get("/actuator/health").body()).contains("components");
    }

    private static String sessionCookie(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID="))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie set by " + response.uri()));
    }

    /** A request written by hand: java.net.http does not let a client choose the Host header. */
    private static String raw(String request) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), PORT)) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
