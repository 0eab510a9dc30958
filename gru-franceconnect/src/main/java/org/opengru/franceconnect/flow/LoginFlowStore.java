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

    /** Records a started login. */
    void save(PendingLogin login);

    /** Removes and returns the login started with this state, expired or not; empty if unknown or already consumed. */
    Optional<PendingLogin> consume(String tenantId, String state);

    /**
     * Records that an accepted ID token carried this nonce.
     *
     * @param keepUntil when the record may be forgotten (the token's expiry plus skew)
     * @return {@code false} if the nonce had already been used: a replay
     */
    boolean markNonceUsed(String tenantId, String nonce, Instant keepUntil);

    /** Records the state of a started RP-initiated logout. */
    void saveLogout(String tenantId, String state, Instant expiresAt);

    /**
     * Removes the logout state; returns its expiry, empty if unknown or already consumed.
     */
    Optional<Instant> consumeLogout(String tenantId, String state);

    /** Forgets everything that expired before {@code now}; returns the number of records removed. */
    int purgeExpired(Instant now);
}
