package org.opengru.core.stats;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.opengru.core.id.TeamId;
import org.opengru.core.jdbc.JdbcTransactions;
import org.opengru.core.request.RequestStore;
import org.opengru.core.stats.internal.PostgresCaseFactsSource;
import org.opengru.core.stats.internal.StoreCaseFactsSource;
import org.opengru.core.tenancy.TenantId;

/**
 * Port: the facts of the requests of some teams that matter for a period {@code [from, to)}: those received
 * in it, those decided in it, and those still open whenever they were received.
 */
@FunctionalInterface
public interface CaseFactsSource {

    /**
     * The facts of the teams' requests that matter for the period.
     *
     * @param tenant the collectivité
     * @param teams the teams
     * @param from the start, included
     * @param to the end, excluded
     * @return the facts
     */
    List<CaseFacts> of(TenantId tenant, Set<TeamId> teams, Instant from, Instant to);

    /**
     * Over any request store, reading the teams' requests page by page (in memory, tests).
     *
     * @param store the request store
     * @return the source
     */
    static CaseFactsSource of(RequestStore store) {
        return new StoreCaseFactsSource(store);
    }

    /**
     * One query on the request table's non-personal columns.
     *
     * @param tx the transactions of {@code PostgresPersistence}
     * @return the source
     */
    static CaseFactsSource postgres(JdbcTransactions tx) {
        return new PostgresCaseFactsSource(tx);
    }
}
