package org.opengru.examples.portal.demo;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import no.nav.security.mock.oauth2.token.KeyProvider;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * A local OpenID provider (no.nav.security:mock-oauth2-server) with two issuers, for the demo profile only,
 * on loopback:
 *
 * <ul>
 *   <li>{@code /franceconnect}, shaped like FranceConnect: ES256-signed ID tokens, eidas1, and the identité
 *       pivot of the demo resident Claire Martin, without any login screen;
 *   <li>{@code /proconnect}, shaped like ProConnect: the agents' claims ({@code email}, {@code given_name},
 *       {@code usual_name}, {@code uid}, {@code siret}, {@code organizational_unit}, {@code idp_id}). The
 *       portal asks it with {@code prompt=login}, so it shows its login page: one button per demo agent, or
 *       any subject and claims typed in.
 * </ul>
 *
 * The portal talks to both with the starter's relying parties, the same code it would use with the real
 * FranceConnect and ProConnect.
 */
public final class DemoIdentityProvider implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DemoIdentityProvider.class);

    public static final String FRANCECONNECT = "franceconnect";
    public static final String PROCONNECT = "proconnect";
    /** FranceConnect's pseudonymous subject of Claire Martin (one per relying party). */
    public static final String CLAIRE_SUB = "4d327dd1e427daf4d50296ab71d6f3fc82ccc40742943521d42cb2bae4df41afv1";
    /** ProConnect's identifier of the identity provider the demo agents sign in with. */
    public static final String AGENTS_IDP = "71144ab3-ee1a-4401-b7b3-79b44f7daeeb";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MockOAuth2Server server;
    private final Path loginPage;

    /**
     * @param port the loopback port, the one the portal's {@code gru.tenants.*.issuer} properties name
     * @param franceConnectClient the portal's client id at the FranceConnect-shaped issuer (the tokens' audience)
     * @param proConnectClient the portal's client id at the ProConnect-shaped issuer
     */
    public DemoIdentityProvider(int port, String franceConnectClient, String proConnectClient) {
        ECKey key;
        try {
            key = new ECKeyGenerator(Curve.P_256).keyID("demo-idp-1").generate();
            loginPage = Files.createTempFile("demo-provider-login", ".html");
            Files.writeString(loginPage, loginPage(DemoPeople.AGENTS), StandardCharsets.UTF_8);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate the demo provider's key", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the demo provider's login page", e);
        }
        Map<String, Object> claire = Map.of(
                "given_name", DemoPeople.CLAIRE_GIVEN_NAMES,
                "family_name", DemoPeople.CLAIRE_FAMILY_NAME,
                "birthdate", DemoPeople.CLAIRE_BIRTH_DATE.toString(),
                "gender", "female",
                "birthplace", DemoPeople.CLAIRE_BIRTH_PLACE,
                "birthcountry", "99100",
                "preferred_username", "",
                "email", "claire.martin@example.fr",
                "acr", "eidas1");
        var franceConnect = new DefaultOAuth2TokenCallback(
                FRANCECONNECT, CLAIRE_SUB, "JWT", List.of(franceConnectClient), claire, 60);
        // What every agent's tokens carry; the login page adds the agent's own claims and subject.
        var proConnect = new DefaultOAuth2TokenCallback(
                PROCONNECT,
                "agent-non-choisi",
                "JWT",
                List.of(proConnectClient),
                Map.of("acr", "eidas1", "idp_id", AGENTS_IDP),
                60);
        var tokens = new OAuth2TokenProvider(new KeyProvider(List.of(key), "ES256"));
        // Not interactive: the login page shows only when the relying party sends prompt (ProConnect's side).
        server = new MockOAuth2Server(
                new OAuth2Config(false, loginPage.toString(), null, false, tokens, Set.of(franceConnect, proConnect)));
        server.start(InetAddress.getLoopbackAddress(), port);
        log.info(
                "Demo OpenID provider: FranceConnect-shaped at {}, ProConnect-shaped at {}",
                issuer(FRANCECONNECT),
                issuer(PROCONNECT));
    }

    public URI issuer(String issuerId) {
        return server.issuerUrl(issuerId).uri();
    }

    @Override
    public void close() {
        server.shutdown();
        try {
            Files.deleteIfExists(loginPage);
        } catch (IOException e) {
            log.debug("Could not delete {}: {}", loginPage, e.getMessage());
        }
    }

    /**
     * The provider's login page (it posts {@code username}, the subject, and {@code claims}, a JSON object, to
     * the authorization URL it is shown at): one button per demo agent, and a form to type any other identity,
     * for example an agent the commune's directory does not know.
     */
    static String loginPage(List<DemoPeople.DemoAgent> agents) {
        StringBuilder html = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="fr">
                <head><meta charset="utf-8"><title>Fournisseur d'identité de démonstration</title></head>
                <body>
                <main>
                <h1>Fournisseur d'identité de démonstration (ProConnect)</h1>
                <p>Ce fournisseur local remplace ProConnect pour la démonstration. Choisissez un agent :</p>
                <ul>
                """);
        for (DemoPeople.DemoAgent a : agents) {
            html.append("<li><form method=\"post\">")
                    .append("<input type=\"hidden\" name=\"username\" value=\"")
                    .append(HtmlUtils.htmlEscape(a.sub()))
                    .append("\"><input type=\"hidden\" name=\"claims\" value=\"")
                    .append(HtmlUtils.htmlEscape(JSON.writeValueAsString(a.proConnectClaims())))
                    .append("\"><button type=\"submit\">")
                    .append(HtmlUtils.htmlEscape(a.givenName() + " " + a.usualName() + " (" + a.service() + ")"))
                    .append("</button></form></li>\n");
        }
        html.append("""
                </ul>
                <h2>Une autre identité</h2>
                <form method="post">
                <p><label for="username">Identifiant (sub)</label><br><input id="username" name="username" required></p>
                <p><label for="claims">Attributs (objet JSON : email, given_name, usual_name, uid, siret...)</label><br>
                <textarea id="claims" name="claims" rows="8" cols="60"></textarea></p>
                <p><button type="submit" id="se-connecter">Se connecter</button></p>
                </form>
                </main>
                </body>
                </html>
                """);
        return html.toString();
    }
}
