package org.opengru.franceconnect.rp;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.ECKey;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.CookieManager;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import no.nav.security.mock.oauth2.token.KeyProvider;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opengru.franceconnect.HostileProvider;
import org.opengru.franceconnect.callback.CallbackParameters;
import org.opengru.franceconnect.flow.InMemoryLoginFlowStore;
import org.opengru.franceconnect.flow.LoginFlowStore;

/**
 * The whole authorization-code flow against a real OpenID provider on loopback
 * (no.nav.security:mock-oauth2-server) issuing FranceConnect-shaped ES256 tokens and claims, driven by
 * an HTTP client that follows redirects like a browser: application /login → provider /authorize →
 * application /callback.
 */
public class MockOAuth2ServerFlowTest {
    public static final String CLIENT_ID = "8a4b6e0f1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f";
    public static final String SUB = "4d327dd1e427daf4d50296ab71d6f3fc82ccc40742943521d42cb2bae4df41afv1";

    private MockOAuth2Server provider;

    @BeforeEach
    void startProvider() {
        provider = startProvider(HostileProvider.newKey("mock-fc-1"));
    }

    /** A provider on loopback that signs in a FranceConnect-shaped person with a complete identité pivot. */
    public static MockOAuth2Server startProvider(ECKey providerKey) {
        Map<String, Object> claims = Map.of(
                "given_name", "Angela Claire Louise",
                "family_name", "DUBOIS",
                "birthdate", "1962-08-24",
                "gender", "female",
                "birthplace", "75107",
                "birthcountry", "99100",
                "preferred_username", "",
                "email", "wossewodda-3728@yopmail.com",
                "acr", "eidas1");
        var callback = new DefaultOAuth2TokenCallback("fcp", SUB, "JWT", List.of(CLIENT_ID), claims, 60);
        var tokenProvider = new OAuth2TokenProvider(new KeyProvider(List.of(providerKey), "ES256"));
        MockOAuth2Server server =
                new MockOAuth2Server(new OAuth2Config(false, null, null, false, tokenProvider, Set.of(callback)));
        server.start(InetAddress.getLoopbackAddress(), 0);
        return server;
    }

    @AfterEach
    void stopProvider() {
        provider.shutdown();
    }

    static RelyingPartyConfig config(URI issuer, URI appBase) {
        return RelyingPartyConfig.builder("mairie-exemple")
                .provider(ProviderKind.FRANCECONNECT, issuer)
                .clientId(CLIENT_ID)
                .clientAuthentication(ClientAuthentication.clientSecretPost("secret-of-the-commune"))
                .redirectUri(appBase.resolve("/fc/callback"))
                .postLogoutRedirectUri(appBase.resolve("/fc/logged-out"))
                .scopes(
                        "openid",
                        "given_name",
                        "family_name",
                        "birthdate",
                        "gender",
                        "birthplace",
                        "birthcountry",
                        "email",
                        "preferred_username")
                // mock-oauth2-server returns userinfo as plain JSON; FranceConnect signs it.
                .userInfoFormat(UserInfoFormat.PLAIN_JSON)
                .build();
    }

    /** The municipality's web application: /login on one node, /callback possibly on another. */
    static final class App implements AutoCloseable {
        final HttpServer server;
        volatile FranceConnectLogin lastLogin;
        volatile RelyingParty loginNode;
        volatile RelyingParty callbackNode;

        App() throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/login", ex -> {
                AuthorizationRedirect go = loginNode.startLogin("/mon-espace");
                // The login is bound to this browser: the callback must bring the cookie back.
                ex.getResponseHeaders()
                        .add(
                                "Set-Cookie",
                                "fc_binding=" + go.browserBinding() + "; Path=/fc/callback; HttpOnly; SameSite=Lax");
                redirect(ex, go.uri());
            });
            server.createContext("/fc/callback", ex -> {
                try {
                    lastLogin = callbackNode.completeLogin(CallbackParameters.fromUri(ex.getRequestURI())
                            .withBrowserBinding(cookie(ex, "fc_binding")));
                    respond(ex, 200, "bienvenue " + lastLogin.identity().subject());
                } catch (RuntimeException e) {
                    respond(ex, 403, e.getClass().getSimpleName());
                }
            });
            server.createContext("/fc/logged-out", ex -> {
                try {
                    callbackNode.completeLogout(
                            CallbackParameters.fromUri(ex.getRequestURI()).state());
                    respond(ex, 200, "déconnecté");
                } catch (RuntimeException e) {
                    respond(ex, 403, e.getClass().getSimpleName());
                }
            });
            server.start();
        }

        URI base() {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        }

        private static String cookie(HttpExchange ex, String name) {
            for (String header : ex.getRequestHeaders().getOrDefault("Cookie", List.of())) {
                for (String c : header.split(";")) {
                    String[] kv = c.trim().split("=", 2);
                    if (kv.length == 2 && kv[0].equals(name)) {
                        return kv[1];
                    }
                }
            }
            return null;
        }

        private static void redirect(HttpExchange ex, URI to) throws IOException {
            ex.getResponseHeaders().add("Location", to.toString());
            ex.sendResponseHeaders(302, -1);
            ex.close();
        }

        private static void respond(HttpExchange ex, int status, String body) throws IOException {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(status, bytes.length);
            try (var out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    static HttpResponse<String> browse(URI uri) throws Exception {
        HttpClient browser = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.ALWAYS)
                .cookieHandler(new CookieManager())
                .build();
        return browser.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Runs the flow with the given stores for the node that starts it and the node that completes it. */
    public static FranceConnectLogin runFlow(
            MockOAuth2Server provider, LoginFlowStore loginStore, LoginFlowStore callbackStore) throws Exception {
        URI issuer = provider.issuerUrl("fcp").uri();
        try (App app = new App()) {
            // The application's address is part of the redirect URI: bind first, then wire the nodes.
            app.loginNode = RelyingParty.builder(config(issuer, app.base()))
                    .store(loginStore)
                    .clock(Clock.systemUTC())
                    .build();
            app.callbackNode = RelyingParty.builder(config(issuer, app.base()))
                    .store(callbackStore)
                    .clock(Clock.systemUTC())
                    .build();
            HttpResponse<String> page = browse(app.base().resolve("/login"));
            assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
            assertThat(page.body()).isEqualTo("bienvenue " + SUB);
            assertThat(page.uri().getPath()).isEqualTo("/fc/callback");
            return app.lastLogin;
        }
    }

    @Test
    void the_full_authorization_code_flow_yields_a_checked_franceconnect_identity() throws Exception {
        InMemoryLoginFlowStore store = new InMemoryLoginFlowStore();
        FranceConnectLogin login = runFlow(provider, store, store);

        assertThat(login.idToken().subject()).isEqualTo(SUB);
        assertThat(login.idToken().acr()).isEqualTo(AcrLevel.EIDAS1);
        assertThat(login.returnTo()).isEqualTo("/mon-espace");
        var pivot = login.identity().pivot();
        assertThat(pivot).isNotNull();
        assertThat(pivot.givenNames()).containsExactly("Angela", "Claire", "Louise");
        assertThat(pivot.birthdate().toString()).isEqualTo("1962-08-24");
        assertThat(pivot.birthcountry()).isEqualTo("99100");
        assertThat(login.identity().email()).isEqualTo("wossewodda-3728@yopmail.com");

        // What the provider saw: PKCE S256 at /authorize, client_secret_post and the verifier at /token.
        var requests = new java.util.ArrayList<okhttp3.mockwebserver.RecordedRequest>();
        while (true) {
            try {
                requests.add(provider.takeRequest(50, java.util.concurrent.TimeUnit.MILLISECONDS));
            } catch (RuntimeException queueEmpty) {
                break;
            }
        }
        var authorize = requests.stream()
                .filter(x -> x.getPath().contains("/authorize"))
                .findFirst()
                .orElseThrow();
        assertThat(authorize.getPath()).contains("code_challenge_method=S256").contains("acr_values=eidas1");
        var token = requests.stream()
                .filter(x -> x.getPath().endsWith("/token"))
                .findFirst()
                .orElseThrow();
        assertThat(token.getHeader("Authorization")).isNull();
        assertThat(token.getBody().readUtf8()).contains("client_secret=").contains("code_verifier=");
    }

    @Test
    void rp_initiated_logout_returns_with_the_state_and_is_checked() throws Exception {
        InMemoryLoginFlowStore store = new InMemoryLoginFlowStore();
        FranceConnectLogin login = runFlow(provider, store, store);
        URI issuer = provider.issuerUrl("fcp").uri();
        try (App app = new App()) {
            RelyingParty rp = RelyingParty.builder(config(issuer, app.base()))
                    .store(store)
                    .clock(Clock.systemUTC())
                    .build();
            app.loginNode = rp;
            app.callbackNode = rp;
            HttpResponse<String> page =
                    browse(rp.startLogout(login.idToken().raw()).uri());
            assertThat(page.uri().getPath()).isEqualTo("/fc/logged-out");
            assertThat(page.body()).isEqualTo("déconnecté");
        }
    }
}
