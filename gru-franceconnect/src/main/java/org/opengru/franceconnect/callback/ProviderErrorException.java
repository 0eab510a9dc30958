package org.opengru.franceconnect.callback;

import org.jspecify.annotations.Nullable;

/**
 * The provider answered with an error instead of a code. {@code access_denied} means the resident
 * cancelled or was not found: a normal outcome to show kindly, not an attack.
 */
public final class ProviderErrorException extends CallbackException {
    private static final long serialVersionUID = 1L;
    private final String error;
    private final @Nullable String description;
    private final boolean stateVerified;

    public ProviderErrorException(String error, @Nullable String description, boolean stateVerified) {
        super("provider returned error '" + error + "'" + (description == null ? "" : ": " + description), null);
        this.error = error;
        this.description = description;
        this.stateVerified = stateVerified;
    }

    /** The {@code error} code ({@code access_denied}, {@code invalid_scope}, legacy {@code Yxxxxx}...). */
    public String error() {
        return error;
    }

    public @Nullable String description() {
        return description;
    }

    /** Whether the error came with the state of a login we started (otherwise it may be forged). */
    public boolean stateVerified() {
        return stateVerified;
    }

    /** The resident cancelled (or FranceConnect could not find them). */
    public boolean cancelledByUser() {
        return "access_denied".equals(error);
    }
}
