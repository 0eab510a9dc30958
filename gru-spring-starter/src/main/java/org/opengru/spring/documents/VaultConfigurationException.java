package org.opengru.spring.documents;

import org.jspecify.annotations.Nullable;

/**
 * The document vault cannot start as configured: no master key where documents outlive the JVM, a
 * master key that is not 32 bytes in Base64, or PostgreSQL metadata without a storage directory.
 */
public final class VaultConfigurationException extends IllegalStateException {

    private final String property;
    private final String action;

    public VaultConfigurationException(String property, String problem, String action, @Nullable Throwable cause) {
        super(property + ": " + problem, cause);
        this.property = property;
        this.action = action;
    }

    public String property() {
        return property;
    }

    /** What to do about it. */
    public String action() {
        return action;
    }
}
