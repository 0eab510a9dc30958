package org.opengru.franceconnect.jwks;

import com.nimbusds.jose.jwk.JWKSet;
import java.net.URI;
import java.net.http.HttpClient;
import java.text.ParseException;
import java.time.Duration;
import org.opengru.franceconnect.internal.HttpCalls;

/** Fetches a JWKS document. Replaceable for tests; {@link #http} is the real one. */
@FunctionalInterface
public interface JwksFetcher {

    /**
     * Returns the public keys published at {@code uri}, or throws {@link JwksUnavailableException}.
     *
     * @param uri the provider's {@code jwks_uri}
     * @return the public keys
     */
    JWKSet fetch(URI uri);

    /**
     * Over HTTP, with a timeout; private key material in the answer is dropped.
     *
     * @param client the HTTP client
     * @param timeout the limit of one fetch
     * @return the fetcher
     */
    static JwksFetcher http(HttpClient client, Duration timeout) {
        return uri -> {
            HttpCalls.Response response;
            try {
                response = HttpCalls.send(
                        client, HttpCalls.get(uri, timeout, "application/json, application/jwk-set+json"));
            } catch (HttpCalls.CallFailedException e) {
                throw new JwksUnavailableException("JWKS " + uri + ": " + e.getMessage(), e);
            }
            if (!response.ok()) {
                throw new JwksUnavailableException("JWKS " + uri + " answered HTTP " + response.status(), null);
            }
            try {
                return JWKSet.parse(response.body()).toPublicJWKSet();
            } catch (ParseException e) {
                throw new JwksUnavailableException("JWKS " + uri + " is not a JWK set: " + e.getMessage(), e);
            }
        };
    }
}
