package org.opengru.franceconnect.flow;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A login started and not yet completed: what the callback needs to check the answer.
 *
 * @param tenantId the commune whose client started it
 * @param state the {@code state} sent to the provider (single use)
 * @param nonce the {@code nonce} the ID token must carry
 * @param codeVerifier the PKCE verifier, {@code null} without PKCE
 * @param acr the requested eIDAS level ({@code eidas1}...)
 * @param returnTo where the application wants to go after login (its own data), or {@code null}
 * @param browserBindingHash SHA-256 (base64url) of the secret set in the browser's cookie: the
 *     callback must come from the browser that started the login
 * @param createdAt when the login started
 * @param expiresAt when its callback stops being accepted
 */
public record PendingLogin(
        String tenantId,
        String state,
        String nonce,
        @Nullable String codeVerifier,
        String acr,
        @Nullable String returnTo,
        Instant createdAt,
        Instant expiresAt,
        String browserBindingHash) {

    /**
     * Checks the login.
     *
     * @param tenantId the commune whose client started it
     * @param state the {@code state} sent to the provider (single use)
     * @param nonce the {@code nonce} the ID token must carry
     * @param codeVerifier the PKCE verifier, {@code null} without PKCE
     * @param acr the requested eIDAS level ({@code eidas1}...)
     * @param returnTo where the application wants to go after login (its own data), or {@code null}
     * @param createdAt when the login started
     * @param expiresAt when its callback stops being accepted
     * @param browserBindingHash SHA-256 (base64url) of the secret set in the browser's cookie: the callback must come from the browser that started the login
     * @throws NullPointerException naming a missing value
     * @throws IllegalArgumentException when it expires before it was created
     */
    public PendingLogin {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(acr, "acr");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(browserBindingHash, "browserBindingHash");
        if (!expiresAt.isAfter(createdAt)) {
            throw new IllegalArgumentException("expiresAt " + expiresAt + " must follow createdAt " + createdAt);
        }
    }

    /**
     * Whether the login expired: its callback is then refused with an {@code ExpiredStateException}.
     *
     * @param now the current time
     * @return {@code true} from {@code expiresAt} on
     */
    public boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    @Override
    public String toString() {
        // The state, nonce and verifier are secrets of the flow: never logged.
        return "PendingLogin[tenant=" + tenantId + ", acr=" + acr + ", createdAt=" + createdAt + ", expiresAt="
                + expiresAt + "]";
    }
}
