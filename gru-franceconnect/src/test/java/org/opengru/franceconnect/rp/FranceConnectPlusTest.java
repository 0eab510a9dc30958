package org.opengru.franceconnect.rp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDHEncrypter;
import com.nimbusds.jose.crypto.RSAEncrypter;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opengru.franceconnect.HostileProvider;
import org.opengru.franceconnect.InvalidConfigurationException;
import org.opengru.franceconnect.callback.CallbackParameters;
import org.opengru.franceconnect.flow.InMemoryLoginFlowStore;
import org.opengru.franceconnect.token.DecryptionException;
import org.opengru.franceconnect.token.InsufficientAcrException;
import org.opengru.test.MutableClock;

/** FranceConnect+: id_token and userinfo signed then encrypted to the relying party's keys; private_key_jwt. */
class FranceConnectPlusTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:00Z"));
    private final HostileProvider provider = new HostileProvider();
    private final RSAKey rsaDecryption = rsa("rp-enc-rsa");
    private final ECKey ecDecryption = HostileProvider.newKey("rp-enc-ec");
    private final ECKey clientAssertionKey = HostileProvider.newKey("rp-sig-1");
    private final RelyingParty rp;

    FranceConnectPlusTest() {
        provider.acrValues = "\"eidas2\",\"eidas3\"";
        provider.clientAssertionKey = clientAssertionKey.toPublicJWK();
        RelyingPartyConfig config = RelyingPartyConfig.builder("mairie-plus")
                .provider(ProviderKind.FRANCECONNECT_PLUS, provider.issuer())
                .clientId(HostileProvider.CLIENT_ID)
                .clientAuthentication(ClientAuthentication.privateKeyJwt(clientAssertionKey, JWSAlgorithm.ES256))
                .redirectUri(URI.create("https://demarches.example.fr/fc/callback"))
                .scopes("openid", "given_name", "family_name", "birthdate", "gender", "birthplace", "birthcountry")
                .decryptionKeys(new JWKSet(List.of(rsaDecryption, ecDecryption)))
                .build();
        rp = RelyingParty.builder(config)
                .store(new InMemoryLoginFlowStore())
                .clock(clock)
                .build();
    }

    static RSAKey rsa(String kid) {
        try {
            return new RSAKeyGenerator(2048)
                    .keyID(kid)
                    .keyUse(KeyUse.ENCRYPTION)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterEach
    void stop() {
        provider.close();
    }

    static String encrypt(String signedJwt, JWK to, JWEAlgorithm alg) {
        try {
            JWEObject jwe = new JWEObject(
                    new JWEHeader.Builder(alg, EncryptionMethod.A256GCM)
                            .keyID(to.getKeyID())
                            .contentType("JWT")
                            .build(),
                    new Payload(signedJwt));
            jwe.encrypt(
                    to instanceof RSAKey r
                            ? new RSAEncrypter(r.toRSAPublicKey())
                            : new ECDHEncrypter(to.toECKey().toECPublicKey()));
            return jwe.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, String> prepare(String acr, JWK encryptTo, JWEAlgorithm alg, boolean encrypt) {
        AuthorizationRedirect redirect = rp.startLogin(null);
        Map<String, String> q = new java.util.HashMap<>(HostileProvider.query(redirect.uri()));
        q.put("binding", redirect.browserBinding());
        String idToken = provider.sign(provider.idTokenClaims(q.get("nonce"), clock.instant())
                .claim("acr", acr)
                .build());
        String userInfo = provider.sign(
                provider.userInfoClaims(HostileProvider.SUB, clock.instant()).build());
        provider.idToken = () -> encrypt ? encrypt(idToken, encryptTo, alg) : idToken;
        provider.userInfo = () -> encrypt ? encrypt(userInfo, encryptTo, alg) : userInfo;
        return q;
    }

    private FranceConnectLogin complete(Map<String, String> q) {
        return rp.completeLogin(new CallbackParameters("code", q.get("state"), null, null, null, q.get("binding")));
    }

    @Test
    void encrypted_tokens_are_decrypted_with_rsa_oaep_256_and_checked() {
        Map<String, String> q = prepare("eidas3", rsaDecryption, JWEAlgorithm.RSA_OAEP_256, true);
        assertThat(q).containsEntry("acr_values", "eidas3");
        FranceConnectLogin login = complete(q);
        assertThat(login.idToken().acr()).isEqualTo(AcrLevel.EIDAS3);
        assertThat(login.identity().pivot().familyName()).isEqualTo("DUBOIS");
        // private_key_jwt, checked by the provider against our registered key.
        assertThat(provider.tokenRequests.peek())
                .containsKey("client_assertion")
                .doesNotContainKey("client_secret");
    }

    @Test
    void encrypted_tokens_are_decrypted_with_ecdh_es() {
        assertThat(complete(prepare("eidas3", ecDecryption, JWEAlgorithm.ECDH_ES, true))
                        .idToken()
                        .subject())
                .isEqualTo(HostileProvider.SUB);
    }

    @Test
    void an_unencrypted_token_is_refused_on_franceconnect_plus() {
        Map<String, String> q = prepare("eidas3", rsaDecryption, JWEAlgorithm.RSA_OAEP_256, false);
        assertThatThrownBy(() -> complete(q)).isInstanceOf(DecryptionException.class);
    }

    @Test
    void a_token_encrypted_to_another_key_is_refused() {
        Map<String, String> q = prepare("eidas3", rsa("rp-enc-rsa"), JWEAlgorithm.RSA_OAEP_256, true);
        assertThatThrownBy(() -> complete(q)).isInstanceOf(DecryptionException.class);
    }

    @Test
    void a_lower_level_than_requested_is_refused() {
        Map<String, String> q = prepare("eidas2", rsaDecryption, JWEAlgorithm.RSA_OAEP_256, true);
        assertThatThrownBy(() -> complete(q)).isInstanceOf(InsufficientAcrException.class);
    }

    @Test
    void the_published_jwks_holds_only_public_keys() {
        JWKSet published = rp.publicEncryptionJwks();
        assertThat(published.getKeys()).hasSize(2).noneMatch(JWK::isPrivate);
        assertThat(published.getKeyByKeyId("rp-enc-rsa")).isNotNull();
        JWKSet all = rp.publicJwks();
        assertThat(all.getKeys()).hasSize(3).noneMatch(JWK::isPrivate);
        assertThat(all.getKeyByKeyId("rp-sig-1")).isNotNull();
    }

    @Test
    void franceconnect_plus_refuses_eidas1_and_missing_keys() {
        var builder = RelyingPartyConfig.builder("mairie-plus")
                .platform(Platform.FRANCECONNECT_PLUS_INTEGRATION)
                .clientId("c")
                .clientAuthentication(ClientAuthentication.clientSecretPost("s"))
                .redirectUri(URI.create("https://x.example.fr/cb"));
        assertThatThrownBy(() -> builder.acr(AcrLevel.EIDAS1).build())
                .isInstanceOfSatisfying(InvalidConfigurationException.class, e -> {
                    assertThat(e.field()).isEqualTo("acr");
                    assertThat(e.value()).isEqualTo("eidas1");
                });
        assertThatThrownBy(() -> builder.acr(AcrLevel.EIDAS2).build())
                .isInstanceOfSatisfying(
                        InvalidConfigurationException.class,
                        e -> assertThat(e.field()).isEqualTo("decryptionKeys"));
    }
}
