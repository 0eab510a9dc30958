package org.opengru.franceconnect.flow;

import java.time.Instant;
import java.util.Optional;

/**
 * Port: pending logins, pending logouts and used nonces, shared by every node of an installation
 * (the callback may reach another node than the one that started the login).
 *
 * <p>Every {@code consume} is atomic and single use: of two concurrent calls with the same state,
 * on any nodes, at most one gets the record.
 */
public interface LoginFlowStore {

    /**
     * Records a started login.
     *
     * @param login the login, keyed by its tenant and state
     */
    void save(PendingLogin login);

    /**
     * Removes and returns the login started with this state, expired or not; empty if unknown or already consumed.
     *
     * @param tenantId the commune whose client started the login
     * @param state the callback's state
     * @return the login, or empty; the caller checks its expiry. Atomic: of two callbacks with one state, one
     * gets it
     */
    Optional<PendingLogin> consume(String tenantId, String state);

    /**
     * Records that an accepted ID token carried this nonce.
     *
     * @param keepUntil when the record may be forgotten (the token's expiry plus skew)
     * @param tenantId the commune whose client accepted the token
     * @param nonce the ID token's nonce
     * @return {@code false} if the nonce had already been used: a replay
     */
    boolean markNonceUsed(String tenantId, String nonce, Instant keepUntil);

    /**
     * Records the state of a started RP-initiated logout.
     *
     * @param tenantId the commune whose client started the logout
     * @param state the state sent to the end-session endpoint
     * @param expiresAt when the state may be forgotten
     */
    void saveLogout(String tenantId, String state, Instant expiresAt);

    /**
     * Removes the logout state; returns its expiry, empty if unknown or already consumed.
     *
     * @param tenantId the commune whose client started the logout
     * @param state the state the provider returned
     * @return the expiry, or empty; atomic like {@link #consume}
     */
    Optional<Instant> consumeLogout(String tenantId, String state);

    /**
     * Forgets everything that expired before {@code now}; returns the number of records removed.
     *
     * @param now the store's clock
     * @return how many records were removed
     */
    int purgeExpired(Instant now);
}
