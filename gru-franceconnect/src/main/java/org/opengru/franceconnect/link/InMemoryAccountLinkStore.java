package org.opengru.franceconnect.link;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.opengru.core.id.UsagerId;
import org.opengru.core.tenancy.TenantId;

/** The embedded default. */
public final class InMemoryAccountLinkStore implements AccountLinkStore {
    private record Key(TenantId tenant, String issuer, String subject) {}

    private final Map<Key, AccountLink> links = new ConcurrentHashMap<>();

    /** An empty store, thread-safe; its links die with the JVM. */
    public InMemoryAccountLinkStore() {}

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

    @Override
    public List<AccountLink> byUsager(TenantId tenant, UsagerId usager) {
        return links.values().stream()
                .filter(l -> l.tenant().equals(tenant) && l.usager().equals(usager))
                .sorted(Comparator.comparing(AccountLink::linkedAt))
                .toList();
    }

    @Override
    public int deleteByUsager(TenantId tenant, UsagerId usager) {
        int[] removed = {0};
        links.values().removeIf(l -> {
            boolean match = l.tenant().equals(tenant) && l.usager().equals(usager);
            removed[0] += match ? 1 : 0;
            return match;
        });
        return removed[0];
    }
}
