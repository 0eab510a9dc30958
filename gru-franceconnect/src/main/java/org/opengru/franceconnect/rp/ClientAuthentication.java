package org.opengru.franceconnect.rp;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import org.opengru.franceconnect.InvalidConfigurationException;

/**
 * How the relying party authenticates at the token endpoint. FranceConnect enables {@code
 * client_secret_post} and {@code private_key_jwt}; {@code client_secret_basic} is deliberately absent.
 */
public sealed interface ClientAuthentication {

    /** The {@code token_endpoint_auth_method} name. */
    String method();

    static ClientAuthentication clientSecretPost(String secret) {
        return new ClientSecretPost(secret);
    }

    static ClientAuthentication privateKeyJwt(JWK signingKey, JWSAlgorithm algorithm) {
        return new PrivateKeyJwt(signingKey, algorithm);
    }

    /** The secret sent in the form body. */
    record ClientSecretPost(String secret) implements ClientAuthentication {
        public ClientSecretPost {
            if (secret == null || secret.isBlank()) {
                throw new InvalidConfigurationException("clientSecret", null, "must not be blank");
            }
        }

        @Override
        public String method() {
            return "client_secret_post";
        }

        @Override
        public String toString() {
            return "ClientSecretPost[secret=***]";
        }
    }

    /** A client assertion signed with the relying party's private key. */
    record PrivateKeyJwt(JWK signingKey, JWSAlgorithm algorithm) implements ClientAuthentication {
        public PrivateKeyJwt {
            if (signingKey == null || !signingKey.isPrivate()) {
                throw new InvalidConfigurationException(
                        "clientAssertionKey",
                        signingKey == null ? null : signingKey.getKeyID(),
                        "must be a private key");
            }
            if (algorithm == null
                    || !(JWSAlgorithm.Family.EC.contains(algorithm) || JWSAlgorithm.Family.RSA.contains(algorithm))) {
                throw new InvalidConfigurationException(
                        "clientAssertionAlgorithm", algorithm, "must be an asymmetric algorithm (ES256, RS256...)");
            }
        }

        @Override
        public String method() {
            return "private_key_jwt";
        }

        @Override
        public String toString() {
            return "PrivateKeyJwt[kid=" + signingKey.getKeyID() + ", alg=" + algorithm + "]";
        }
    }
}
