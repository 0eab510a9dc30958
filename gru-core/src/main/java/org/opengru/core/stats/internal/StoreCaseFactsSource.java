package org.opengru.core.stats.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.opengru.core.id.TeamId;
import org.opengru.core.request.Request;
import org.opengru.core.request.RequestQuery;
import org.opengru.core.request.RequestStore;
import org.opengru.core.stats.CaseFacts;
import org.opengru.core.stats.CaseFactsSource;
import org.opengru.core.tenancy.TenantId;

/** Reads every request of the teams through the store's keyset pages; for small stores. */
public final class StoreCaseFactsSource implements CaseFactsSource {

    private final RequestStore store;

    public StoreCaseFactsSource(RequestStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public List<CaseFacts> of(TenantId tenant, Set<TeamId> teams, Instant from, Instant to) {
        List<CaseFacts> out = new ArrayList<>();
        if (teams.isEmpty()) {
            return out;
        }
        RequestQuery page = RequestQuery.of(Set.of(), 500);
        while (true) {
            List<Request> rows = store.byTeams(tenant, teams, page);
            for (Request r : rows) {
                CaseFacts f = CaseFacts.of(r);
                if (f != null && relevant(f, from, to)) {
                    out.add(f);
                }
            }
            if (rows.size() < page.limit()) {
                return out;
            }
            page = page.after(rows.get(rows.size() - 1).id());
        }
    }

    /** The same selection as the PostgreSQL source's WHERE clause. */
    static boolean relevant(CaseFacts f, Instant from, Instant to) {
        if (!f.receivedAt().isBefore(to)) {
            return false;
        }
        return f.open()
                || !f.receivedAt().isBefore(from)
                || (f.decidedAt() != null && !f.decidedAt().isBefore(from));
    }
}
