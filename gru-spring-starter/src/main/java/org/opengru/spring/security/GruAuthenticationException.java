package org.opengru.spring.security;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.AuthenticationException;

/**
 * A refused callback. {@link #reason()} is the provider's error code (for example {@code access_denied}
 * when the resident cancelled) or the name of the failed check, so that a page can tell a cancellation
 * from an attack.
 */
public final class GruAuthenticationException extends AuthenticationException {

    private final String reason;

    public GruAuthenticationException(String reason, String message, @Nullable Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
