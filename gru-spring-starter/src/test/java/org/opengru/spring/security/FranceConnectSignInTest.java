package org.opengru.spring.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import no.nav.security.mock.oauth2.token.KeyProvider;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.opengru.core.id.UsagerId;
import org.opengru.core.tenancy.TenantId;
import org.opengru.core.usager.Person;
import org.opengru.core.usager.Provenance;
import org.opengru.core.usager.UsagerStore;
import org.opengru.spring.security.portal.PortalApplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole sign-in through Spring Security against a real OpenID provider on loopback
 * (mock-oauth2-server issuing FranceConnect-shaped ES256 tokens for residents and ProConnect-shaped
 * tokens for agents), with a real servlet container and a browser that keeps cookies and follows
 * redirects: protected page → entry point → provider → callback → the page, as the usager or the agent.
 */
@SpringBootTest(
        classes = PortalApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
        // No database here: everything in memory.
        properties =
                "spring.autoconfigure.exclude=org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
class FranceConnectSignInTest {

    static final String FC_CLIENT = "8a4b6e0f1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f";
    static final String PC_CLIENT = "proconnect-saint-martin";
    static final String SUB = "4d327dd1e427daf4d50296ab71d6f3fc82ccc40742943521d42cb2bae4df41afv1";

    static final MockOAuth2Server PROVIDER = startProvider();
    static final int PORT = freePort();

    @Autowired
    UsagerStore usagers;

    static MockOAuth2Server startProvider() {
        try {
            ECKey key = new ECKeyGenerator(Curve.P_256)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.ES256)
                    .keyID("mock-fc-1")
                    .generate();
            Map<String, Object> resident = Map.of(
                    "given_name", "Angela Claire Louise",
                    "family_name", "DUBOIS",
                    "birthdate", "1962-08-24",
                    "gender", "female",
                    "birthplace", "75107",
                    "birthcountry", "99100",
                    "email", "wossewodda-3728@yopmail.com",
                    "acr", "eidas1");
            Map<String, Object> agent = Map.of(
                    "email", "Agent@Saint-Martin.fr", "given_name", "Jean", "usual_name", "DUPONT", "acr", "eidas1");
            var fc = new DefaultOAuth2TokenCallback("fcp", SUB, "JWT", List.of(FC_CLIENT), resident, 60);
            var pc = new DefaultOAuth2TokenCallback("pc", "agent-sub-1", "JWT", List.of(PC_CLIENT), agent, 60);
            var tokens = new OAuth2TokenProvider(new KeyProvider(List.of(key), "ES256"));
            MockOAuth2Server server =
                    new MockOAuth2Server(new OAuth2Config(false, null, null, false, tokens, Set.of(fc, pc)));
            server.start(InetAddress.getLoopbackAddress(), 0);
            return server;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot start the OpenID provider", e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String app(String path) {
        return "http://127.0.0.1:" + PORT + path;
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry r) {
        String fc = "gru.tenants.saint-martin.franceconnect.";
        String pc = "gru.tenants.saint-martin.proconnect.";
        r.add("server.port", () -> PORT);
        r.add("server.address", () -> "127.0.0.1");
        r.add("gru.tenants.saint-martin.name", () -> "Mairie de Saint-Martin");
        r.add(fc + "issuer", () -> PROVIDER.issuerUrl("fcp").toString());
        r.add(fc + "client-id", () -> FC_CLIENT);
        r.add(fc + "client-secret", () -> "secret-of-the-commune");
        r.add(fc + "redirect-uri", () -> app("/login/franceconnect/callback"));
        r.add(fc + "post-logout-redirect-uri", () -> app("/logout/callback"));
        r.add(fc + "userinfo-format", () -> "plain-json");
        r.add(pc + "issuer", () -> PROVIDER.issuerUrl("pc").toString());
        r.add(pc + "client-id", () -> PC_CLIENT);
        r.add(pc + "client-secret", () -> "secret-of-proconnect");
        r.add(pc + "redirect-uri", () -> app("/login/proconnect/callback"));
        r.add(pc + "signing-algorithm", () -> "ES256");
        r.add(pc + "userinfo-format", () -> "plain-json");
        r.add(pc + "teams[agent@saint-martin.fr]", () -> "enfance,etat-civil");
        r.add("gru.security.agent-home-path", () -> "/agent/dossiers");
    }

    @AfterAll
    static void stopProvider() {
        PROVIDER.shutdown();
    }

    static HttpClient browser() {
        return HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.ALWAYS)
                .cookieHandler(new CookieManager())
                .build();
    }

    /** A browser that keeps cookies and shows each redirect. */
    static HttpClient noRedirects() {
        return HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .cookieHandler(new CookieManager())
                .build();
    }

    static HttpResponse<String> get(HttpClient browser, String url) throws Exception {
        return browser.send(
                HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aResidentSignsInWithFranceConnectAndBecomesACertifiedUsagerThenLogsOut() throws Exception {
        HttpClient browser = browser();
        HttpResponse<String> page = get(browser, app("/mon-espace"));

        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.uri().getPath()).as(page.body()).isEqualTo("/mon-espace");
        String[] parts = page.body().split("\\|");
        assertThat(parts[0]).startsWith("usager:");
        assertThat(parts[1]).isEqualTo("DUBOIS");
        assertThat(parts[2]).isEqualTo(SUB);
        // The usager exists in gru-core with the identité pivot certified by FranceConnect.
        UsagerId id = UsagerId.parse(parts[0].substring("usager:".length()));
        Person person = (Person) usagers.find(TenantId.of("saint-martin"), id).orElseThrow();
        assertThat(person.familyName().provenance()).isEqualTo(Provenance.FRANCECONNECT_CERTIFIED);

        // A second sign-in of the same account is the same usager (linked on the account, not the e-mail).
        HttpResponse<String> again = get(browser(), app("/mon-espace"));
        assertThat(again.body().split("\\|")[0]).isEqualTo(parts[0]);

        // Logout: local session ended, then the provider's; back home, anonymous.
        HttpResponse<String> out = browser.send(
                HttpRequest.newBuilder(URI.create(app("/logout")))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + parts[3]))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(out.uri().getPath()).isEqualTo("/");
        assertThat(out.body()).isEqualTo("anonyme");
    }

    @Test
    void anAgentSignsInWithProConnectAndGetsTheTeamsOfTheProperties() throws Exception {
        HttpResponse<String> page = get(browser(), app("/agent/dossiers"));
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        // The agent id is the e-mail claim, lower-cased; the teams are those the properties list for it.
        assertThat(page.body())
                .startsWith("agent:agent@saint-martin.fr|")
                .contains("enfance")
                .contains("etat-civil");
    }

    @Test
    void anAgentWhoAskedForNoPageLandsOnTheAgentsHomePathWithANewSession() throws Exception {
        // A session exists before the sign-in (the login's state is kept in it)...
        HttpClient noRedirects = noRedirects();
        HttpResponse<String> start = get(noRedirects, app("/login/proconnect"));
        String before = sessionCookie(start);
        HttpResponse<String> atProvider =
                get(noRedirects, start.headers().firstValue("Location").orElseThrow());
        HttpResponse<String> callback =
                get(noRedirects, atProvider.headers().firstValue("Location").orElseThrow());
        // ...and the sign-in gives it a new id (no session fixation), then the agents' home.
        assertThat(sessionCookie(callback)).isNotNull().isNotEqualTo(before);
        assertThat(callback.headers().firstValue("Location").orElseThrow()).endsWith("/agent/dossiers");
    }

    private static String sessionCookie(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.substring("JSESSIONID=".length(), c.indexOf(';')))
                .findFirst()
                .orElse(null);
    }

    @Test
    void aResidentIsRefusedTheAgentPages() throws Exception {
        HttpClient browser = browser();
        assertThat(get(browser, app("/mon-espace")).statusCode()).isEqualTo(200);
        assertThat(get(browser, app("/agent/dossiers")).statusCode()).isEqualTo(403);
    }

    @Test
    void aForgedCallbackIsRefusedAndNobodyIsSignedIn() throws Exception {
        HttpClient browser = browser();
        HttpResponse<String> page = get(browser, app("/login/franceconnect/callback?code=stolen&state=forged"));
        assertThat(page.uri().toString()).contains("login-error");
        assertThat(page.body()).startsWith("refusé no_pending_login");
        assertThat(get(browser, app("/")).body()).isEqualTo("anonyme");
    }

    @Test
    void aLoginStartedInAnotherBrowserIsRefusedAtTheCallback() throws Exception {
        // Login CSRF: the attacker starts a login, then makes the victim's browser complete it.
        HttpClient attacker = noRedirects();
        String authorize = get(attacker, app("/login/franceconnect"))
                .headers()
                .firstValue("Location")
                .orElseThrow();
        HttpClient victim = browser();
        HttpResponse<String> page = get(victim, authorize);
        assertThat(page.uri().getPath()).isEqualTo("/");
        assertThat(page.body()).startsWith("refusé no_pending_login");
        assertThat(get(victim, app("/")).body()).isEqualTo("anonyme");
    }

    @Test
    void anAnonymousVisitorIsSentToFranceConnect() throws Exception {
        HttpClient noRedirects = noRedirects();
        HttpResponse<String> first = get(noRedirects, app("/mon-espace"));
        assertThat(first.statusCode()).isEqualTo(302);
        assertThat(first.headers().firstValue("Location").orElseThrow()).endsWith("/login/franceconnect");
        HttpResponse<String> start = get(noRedirects, app("/login/franceconnect"));
        URI authorize = URI.create(start.headers().firstValue("Location").orElseThrow());
        assertThat(authorize.toString()).startsWith(PROVIDER.issuerUrl("fcp").toString());
        assertThat(authorize.getQuery())
                .contains("state=")
                .contains("nonce=")
                .contains("acr_values=eidas1")
                .contains("code_challenge_method=S256");
    }
}
