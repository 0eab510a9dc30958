package org.opengru.franceconnect.rp;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.net.URI;
import java.text.ParseException;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the provider announces in its discovery document (the fields the relying party relies on).
 *
 * @param issuer the exact issuer, equal to the configured one
 * @param endSessionEndpoint {@code null} when the provider has no RP-initiated logout
 * @param authorizationEndpoint where the browser is sent to sign in
 * @param tokenEndpoint where the code is exchanged
 * @param userinfoEndpoint where the identity is read
 * @param jwksUri the provider's public keys
 * @param idTokenSigningAlgValues the ID token's signing algorithms
 * @param userinfoSigningAlgValues userinfo's signing algorithms
 * @param codeChallengeMethods the PKCE methods ({@code S256})
 * @param tokenEndpointAuthMethods the client authentications the token endpoint takes
 * @param acrValues the eIDAS levels offered
 * @param issParameterSupported whether the callback carries {@code iss} (RFC 9207)
 */
public record ProviderMetadata(
        URI issuer,
        URI authorizationEndpoint,
        URI tokenEndpoint,
        URI userinfoEndpoint,
        URI jwksUri,
        @Nullable URI endSessionEndpoint,
        List<String> idTokenSigningAlgValues,
        List<String> userinfoSigningAlgValues,
        List<String> codeChallengeMethods,
        List<String> tokenEndpointAuthMethods,
        List<String> acrValues,
        boolean issParameterSupported) {

    /**
     * Copies the lists, so that the record stays immutable.
     *
     * @param issuer the exact issuer, equal to the configured one
     * @param authorizationEndpoint where the browser is sent to sign in
     * @param tokenEndpoint where the code is exchanged
     * @param userinfoEndpoint where the identity is read
     * @param jwksUri the provider's public keys
     * @param endSessionEndpoint {@code null} when the provider has no RP-initiated logout
     * @param idTokenSigningAlgValues the ID token's signing algorithms
     * @param userinfoSigningAlgValues userinfo's signing algorithms
     * @param codeChallengeMethods the PKCE methods ({@code S256})
     * @param tokenEndpointAuthMethods the client authentications the token endpoint takes
     * @param acrValues the eIDAS levels offered
     * @param issParameterSupported whether the callback carries {@code iss} (RFC 9207)
     */
    public ProviderMetadata {
        idTokenSigningAlgValues = List.copyOf(idTokenSigningAlgValues);
        userinfoSigningAlgValues = List.copyOf(userinfoSigningAlgValues);
        codeChallengeMethods = List.copyOf(codeChallengeMethods);
        tokenEndpointAuthMethods = List.copyOf(tokenEndpointAuthMethods);
        acrValues = List.copyOf(acrValues);
    }

    /**
     * Parses a discovery document; every endpoint must pass the same https/loopback rule as the issuer.
     *
     * @param json the document fetched from {@code .well-known/openid-configuration}
     * @return the metadata
     * @throws DiscoveryException when the document is not JSON, lacks an endpoint, or an endpoint is neither
     * https nor http on loopback
     */
    public static ProviderMetadata parse(String json) {
        try {
            Map<String, Object> doc = JSONObjectUtils.parse(json);
            URI issuer = uri(doc, "issuer", true);
            URI endSession = uri(doc, "end_session_endpoint", false);
            Object iss = doc.get("authorization_response_iss_parameter_supported");
            return new ProviderMetadata(
                    issuer,
                    uri(doc, "authorization_endpoint", true),
                    uri(doc, "token_endpoint", true),
                    uri(doc, "userinfo_endpoint", true),
                    uri(doc, "jwks_uri", true),
                    endSession,
                    strings(doc, "id_token_signing_alg_values_supported"),
                    strings(doc, "userinfo_signing_alg_values_supported"),
                    strings(doc, "code_challenge_methods_supported"),
                    strings(doc, "token_endpoint_auth_methods_supported"),
                    strings(doc, "acr_values_supported"),
                    Boolean.TRUE.equals(iss));
        } catch (ParseException e) {
            throw new DiscoveryException("discovery document is not JSON: " + e.getMessage(), e);
        }
    }

    private static @Nullable URI uri(Map<String, Object> doc, String name, boolean required) {
        Object value = doc.get(name);
        if (value == null) {
            if (required) {
                throw new DiscoveryException("discovery document lacks " + name, null);
            }
            return null;
        }
        try {
            URI uri = URI.create(value.toString());
            RelyingPartyConfig.checkEndpoint(name, uri);
            return uri;
        } catch (RuntimeException e) {
            throw new DiscoveryException("discovery " + name + " = '" + value + "' refused: " + e.getMessage(), e);
        }
    }

    private static List<String> strings(Map<String, Object> doc, String name) {
        Object value = doc.get(name);
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return List.of();
    }
}
