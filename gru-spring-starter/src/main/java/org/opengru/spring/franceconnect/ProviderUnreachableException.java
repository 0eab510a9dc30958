package org.opengru.spring.franceconnect;

import java.net.URI;

/** An OpenID provider checked at startup ({@code check-at-startup=true}) did not answer its discovery. */
public final class ProviderUnreachableException extends IllegalStateException {

    private final String tenant;
    private final URI issuer;

    public ProviderUnreachableException(String tenant, URI issuer, Throwable cause) {
        super(
                "the OpenID provider " + issuer + " of tenant '" + tenant + "' cannot be discovered: "
                        + cause.getMessage(),
                cause);
        this.tenant = tenant;
        this.issuer = issuer;
    }

    public String tenant() {
        return tenant;
    }

    public URI issuer() {
        return issuer;
    }
}
