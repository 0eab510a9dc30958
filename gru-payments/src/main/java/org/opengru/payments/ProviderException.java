package org.opengru.payments;

import org.jspecify.annotations.Nullable;

/** A provider call that failed; {@link #kind()} says how. Nothing is changed by a failed call. */
public final class ProviderException extends PaymentException {

    /** How the call failed. */
    public enum Kind {
        /** The provider could not be reached, or answered with an HTTP error. */
        UNAVAILABLE,
        /** No answer within the configured timeout. */
        TIMEOUT,
        /** The provider answered with a fault (an error code of its own, in {@link #code()}). */
        FAULT,
        /** An answer that cannot be read (not the expected XML, a missing or malformed field). */
        UNEXPECTED_RESPONSE,
        /** The answer concerns another client account than the collectivité's. */
        ACCOUNT_MISMATCH,
        /** The collectivité has no account with this provider. */
        NOT_CONFIGURED
    }

    /** What failed. */
    private final Kind kind;
    /** The provider's error code, or {@code null}. */
    private final @Nullable String code;

    /**
     * Reports a failed provider call.
     *
     * @param kind what failed
     * @param code the provider's error code, or {@code null}
     * @param message the detail, never a card number or a secret
     * @param cause the underlying failure, or {@code null}
     */
    public ProviderException(Kind kind, @Nullable String code, String message, @Nullable Throwable cause) {
        super(kind + (code == null ? "" : " " + code) + ": " + message, cause);
        this.kind = kind;
        this.code = code;
    }

    /**
     * What failed: the page tells "try again later" from "contact the mairie" with it.
     *
     * @return the kind
     */
    public Kind kind() {
        return kind;
    }

    /**
     * The provider's own error code, for a {@link Kind#FAULT}.
     *
     * @return the code, or {@code null}
     */
    public @Nullable String code() {
        return code;
    }
}
