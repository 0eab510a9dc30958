package org.opengru.franceconnect.rp;

import java.time.Instant;
import org.opengru.franceconnect.flow.InMemoryLoginFlowStore;
import org.opengru.franceconnect.flow.LoginFlowStore;
import org.opengru.franceconnect.flow.PendingLogin;

/** Deliberately broken: never remembers a used nonce. */
final class BrokenNonceStore implements LoginFlowStore {
    private final InMemoryLoginFlowStore delegate = new InMemoryLoginFlowStore();

    @Override
    public void save(PendingLogin login) {
        delegate.save(login);
    }

    @Override
    public java.util.Optional<PendingLogin> consume(String tenantId, String state) {
        return delegate.consume(tenantId, state);
    }

    @Override
    public boolean markNonceUsed(String tenantId, String nonce, Instant keepUntil) {
        return true;
    }

    @Override
    public void saveLogout(String tenantId, String state, Instant expiresAt) {
        delegate.saveLogout(tenantId, state, expiresAt);
    }

    @Override
    public java.util.Optional<Instant> consumeLogout(String tenantId, String state) {
        return delegate.consumeLogout(tenantId, state);
    }

    @Override
    public int purgeExpired(Instant now) {
        return delegate.purgeExpired(now);
    }
}
