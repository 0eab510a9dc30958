package org.opengru.franceconnect.rp;

import org.jspecify.annotations.Nullable;
import org.opengru.franceconnect.FranceConnectException;

/** The provider's {@code .well-known/openid-configuration} could not be fetched or was refused. */
public final class DiscoveryException extends FranceConnectException {
    private static final long serialVersionUID = 1L;

    /**
     * Reports a failed discovery.
     *
     * @param message what failed, with the provider's address
     * @param cause the underlying failure, or {@code null}
     */
    public DiscoveryException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
