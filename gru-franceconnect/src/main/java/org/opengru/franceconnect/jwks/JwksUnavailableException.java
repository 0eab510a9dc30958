package org.opengru.franceconnect.jwks;

import org.jspecify.annotations.Nullable;
import org.opengru.franceconnect.FranceConnectException;

/** No usable provider keys: the JWKS cannot be fetched and nothing valid is cached. */
public final class JwksUnavailableException extends FranceConnectException {
    private static final long serialVersionUID = 1L;

    /**
     * Reports that no key set could be had.
     *
     * @param message why, with the provider's address
     * @param cause the underlying failure, or {@code null}
     */
    public JwksUnavailableException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
