package org.opengru.franceconnect.flow;

import java.time.Instant;
import java.util.Optional;

/** Delegates everything; tests override one method to break it on purpose. */
class ForwardingStore implements LoginFlowStore {
    private final LoginFlowStore delegate;

    ForwardingStore(LoginFlowStore delegate) {
        this.delegate = delegate;
    }

    @Override
    public void save(PendingLogin login) {
        delegate.save(login);
    }

    @Override
    public Optional<PendingLogin> consume(String tenantId, String state) {
        return delegate.consume(tenantId, state);
    }

    @Override
    public boolean markNonceUsed(String tenantId, String nonce, Instant keepUntil) {
        return delegate.markNonceUsed(tenantId, nonce, keepUntil);
    }

    @Override
    public void saveLogout(String tenantId, String state, Instant expiresAt) {
        delegate.saveLogout(tenantId, state, expiresAt);
    }

    @Override
    public Optional<Instant> consumeLogout(String tenantId, String state) {
        return delegate.consumeLogout(tenantId, state);
    }

    @Override
    public int purgeExpired(Instant now) {
        return delegate.purgeExpired(now);
    }
}
