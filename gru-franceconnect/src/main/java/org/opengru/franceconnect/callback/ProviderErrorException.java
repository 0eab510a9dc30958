package org.opengru.franceconnect.callback;

import org.jspecify.annotations.Nullable;

/**
 * The provider answered with an error instead of a code. {@code access_denied} means the resident
 * cancelled or was not found: a normal outcome to show kindly, not an attack.
 */
public final class ProviderErrorException extends CallbackException {
    private static final long serialVersionUID = 1L;
    /** The OAuth {@code error} code. */
    private final String error;
    /** The {@code error_description}, or {@code null}. */
    private final @Nullable String description;
    /** Whether the answer carried the state of a login we started. */
    private final boolean stateVerified;

    /**
     * Reports the provider's error answer.
     *
     * @param error the OAuth {@code error} code
     * @param description the {@code error_description}, or {@code null}
     * @param stateVerified whether the answer carried the state of a login we started
     */
    public ProviderErrorException(String error, @Nullable String description, boolean stateVerified) {
        super("provider returned error '" + error + "'" + (description == null ? "" : ": " + description), null);
        this.error = error;
        this.description = description;
        this.stateVerified = stateVerified;
    }

    /**
     * The {@code error} code ({@code access_denied}, {@code invalid_scope}, legacy {@code Yxxxxx}...).
     *
     * @return the code, as the provider sent it
     */
    public String error() {
        return error;
    }

    /**
     * The provider's description of the error, for the logs; not meant for the resident.
     *
     * @return the description, or {@code null}
     */
    public @Nullable String description() {
        return description;
    }

    /**
     * Whether the error came with the state of a login we started (otherwise it may be forged).
     *
     * @return {@code true} when the state was ours
     */
    public boolean stateVerified() {
        return stateVerified;
    }

    /**
     * The resident cancelled (or FranceConnect could not find them).
     *
     * @return {@code true} for an {@code access_denied} answer
     */
    public boolean cancelledByUser() {
        return "access_denied".equals(error);
    }
}
