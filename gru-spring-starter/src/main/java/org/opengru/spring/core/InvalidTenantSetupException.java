package org.opengru.spring.core;

import org.jspecify.annotations.Nullable;

/**
 * A tenant's teams or démarches cannot be set up from the properties; names the property and what is
 * wrong. Turned into advice by a failure analyzer.
 */
public final class InvalidTenantSetupException extends IllegalStateException {

    private final String property;

    public InvalidTenantSetupException(String property, String problem, @Nullable Throwable cause) {
        super(property + " " + problem, cause);
        this.property = property;
    }

    /** The property to fix. */
    public String property() {
        return property;
    }
}
