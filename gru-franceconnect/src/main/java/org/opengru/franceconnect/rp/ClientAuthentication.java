package org.opengru.franceconnect.rp;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import org.opengru.franceconnect.InvalidConfigurationException;

/**
 * How the relying party authenticates at the token endpoint. FranceConnect enables {@code
 * client_secret_post} and {@code private_key_jwt}; {@code client_secret_basic} is deliberately absent.
 */
public sealed interface ClientAuthentication {

    /**
     * The {@code token_endpoint_auth_method} name.
     *
     * @return {@code client_secret_post} or {@code private_key_jwt}
     */
    String method();

    /**
     * {@code client_secret_post}: the client secret FranceConnect gave, sent in the token request's body.
     *
     * @param secret the client secret, never logged
     * @return the authentication
     * @throws InvalidConfigurationException when the secret is blank
     */
    static ClientAuthentication clientSecretPost(String secret) {
        return new ClientSecretPost(secret);
    }

    /**
     * {@code private_key_jwt}: a client assertion signed with the relying party's private key, whose public
     * half the relying party publishes at its JWKS URL.
     *
     * @param signingKey the private key
     * @param algorithm an asymmetric algorithm (ES256, RS256...)
     * @return the authentication
     * @throws InvalidConfigurationException when the key is not private or the algorithm not asymmetric
     */
    static ClientAuthentication privateKeyJwt(JWK signingKey, JWSAlgorithm algorithm) {
        return new PrivateKeyJwt(signingKey, algorithm);
    }

    /**
     * The secret sent in the form body.
     *
     * @param secret the client secret, never logged
     */
    record ClientSecretPost(String secret) implements ClientAuthentication {
        /**
         * Checks the secret.
         *
         * @param secret the client secret, never logged
         * @throws InvalidConfigurationException when it is blank
         */
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

    /**
     * A client assertion signed with the relying party's private key.
     *
     * @param signingKey the relying party's private key
     * @param algorithm an asymmetric algorithm (ES256, RS256...)
     */
    record PrivateKeyJwt(JWK signingKey, JWSAlgorithm algorithm) implements ClientAuthentication {
        /**
         * Checks the key and the algorithm.
         *
         * @param signingKey the relying party's private key
         * @param algorithm an asymmetric algorithm (ES256, RS256...)
         * @throws InvalidConfigurationException when the key is not private or the algorithm not asymmetric
         */
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
