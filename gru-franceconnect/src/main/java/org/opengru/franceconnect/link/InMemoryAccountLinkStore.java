package org.opengru.franceconnect.link;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.opengru.core.tenancy.TenantId;

/** The embedded default. */
public final class InMemoryAccountLinkStore implements AccountLinkStore {
    private record Key(TenantId tenant, String issuer, String subject) {}

    private final Map<Key, AccountLink> links = new ConcurrentHashMap<>();

    @Override
    public Optional<AccountLink> find(TenantId tenant, String issuer, String subject) {
        return Optional.ofNullable(links.get(new Key(tenant, issuer, subject)));
    }

    @Override
    public void save(AccountLink link) {
        if (links.putIfAbsent(new Key(link.tenant(), link.issuer(), link.subject()), link) != null) {
            throw new AlreadyLinkedException(link.tenant(), link.issuer());
        }
    }
}
