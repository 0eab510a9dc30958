package org.opengru.franceconnect.flow;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The embedded default: one node only (a multi-node installation uses {@link PostgresLoginFlowStore}). */
public final class InMemoryLoginFlowStore implements LoginFlowStore {
    private record Key(String tenantId, String value) {}

    private final Map<Key, PendingLogin> logins = new ConcurrentHashMap<>();
    private final Map<Key, Instant> nonces = new ConcurrentHashMap<>();
    private final Map<Key, Instant> logouts = new ConcurrentHashMap<>();

    /** An empty store, thread-safe; its logins die with the JVM. */
    public InMemoryLoginFlowStore() {}

    @Override
    public void save(PendingLogin login) {
        if (logins.putIfAbsent(new Key(login.tenantId(), login.state()), login) != null) {
            throw new IllegalStateException("duplicate state for tenant " + login.tenantId());
        }
    }

    @Override
    public Optional<PendingLogin> consume(String tenantId, String state) {
        return Optional.ofNullable(logins.remove(new Key(tenantId, state)));
    }

    @Override
    public boolean markNonceUsed(String tenantId, String nonce, Instant keepUntil) {
        return nonces.putIfAbsent(new Key(tenantId, nonce), keepUntil) == null;
    }

    @Override
    public void saveLogout(String tenantId, String state, Instant expiresAt) {
        logouts.put(new Key(tenantId, state), expiresAt);
    }

    @Override
    public Optional<Instant> consumeLogout(String tenantId, String state) {
        return Optional.ofNullable(logouts.remove(new Key(tenantId, state)));
    }

    @Override
    public int purgeExpired(Instant now) {
        int before = logins.size() + nonces.size() + logouts.size();
        logins.values().removeIf(l -> l.expiredAt(now));
        nonces.values().removeIf(until -> !now.isBefore(until));
        logouts.values().removeIf(until -> !now.isBefore(until));
        return before - (logins.size() + nonces.size() + logouts.size());
    }
}
