package org.opengru.examples.portal.demo;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import no.nav.security.mock.oauth2.token.KeyProvider;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;
import org.opengru.examples.portal.signin.IdentityProviderLocation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local OpenID provider shaped like FranceConnect (no.nav.security:mock-oauth2-server): ES256-signed
 * ID tokens, eidas1, and the identité pivot claims of the demo resident Claire Martin. Runs on loopback
 * only, for the demo profile; the portal talks to it with the same gru-franceconnect relying party it
 * would use with the real FranceConnect.
 */
public final class DemoIdentityProvider implements IdentityProviderLocation, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DemoIdentityProvider.class);

    public static final String CLIENT_ID = "8a4b6e0f1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f";
    public static final String CLIENT_SECRET = "secret-de-la-commune-de-demonstration";
    /** FranceConnect's pseudonymous subject of Claire Martin (one per relying party). */
    public static final String CLAIRE_SUB = "4d327dd1e427daf4d50296ab71d6f3fc82ccc40742943521d42cb2bae4df41afv1";

    private final MockOAuth2Server server;

    public DemoIdentityProvider(int port) {
        ECKey key;
        try {
            key = new ECKeyGenerator(Curve.P_256).keyID("demo-fc-1").generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate the demo provider's key", e);
        }
        Map<String, Object> claims = Map.of(
                "given_name", DemoPeople.CLAIRE_GIVEN_NAMES,
                "family_name", DemoPeople.CLAIRE_FAMILY_NAME,
                "birthdate", DemoPeople.CLAIRE_BIRTH_DATE.toString(),
                "gender", "female",
                "birthplace", DemoPeople.CLAIRE_BIRTH_PLACE,
                "birthcountry", "99100",
                "preferred_username", "",
                "email", "claire.martin@example.fr",
                "acr", "eidas1");
        var callback = new DefaultOAuth2TokenCallback("fcp", CLAIRE_SUB, "JWT", List.of(CLIENT_ID), claims, 60);
        var tokens = new OAuth2TokenProvider(new KeyProvider(List.of(key), "ES256"));
        server = new MockOAuth2Server(new OAuth2Config(false, null, null, false, tokens, Set.of(callback)));
        server.start(InetAddress.getLoopbackAddress(), port);
        log.info("Demo FranceConnect-shaped OpenID provider at {}", issuer());
    }

    @Override
    public URI issuer() {
        return server.issuerUrl("fcp").uri();
    }

    @Override
    public String clientId() {
        return CLIENT_ID;
    }

    @Override
    public String clientSecret() {
        return CLIENT_SECRET;
    }

    @Override
    public void close() {
        server.shutdown();
    }
}
