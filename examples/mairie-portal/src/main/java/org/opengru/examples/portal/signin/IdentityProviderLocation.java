package org.opengru.examples.portal.signin;

import java.net.URI;

/**
 * Where FranceConnect is and who the portal is to it. The demo profile provides a local provider; in
 * production, set {@code portal.franceconnect.issuer}, {@code .client-id} and {@code .client-secret}
 * (the integration platform is https://fcp-low.sbx.dev-franceconnect.fr/api/v2).
 */
public interface IdentityProviderLocation {

    URI issuer();

    String clientId();

    String clientSecret();
}
