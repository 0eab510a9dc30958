package org.opengru.core.stats;

import java.time.Instant;
import java.util.List;
import org.opengru.core.tenancy.TenantId;

/** Port: the facts of the requests of a collectivité received in {@code [from, to)}. */
@FunctionalInterface
public interface StatisticsSource {

    /**
     * The facts of the requests received in the period.
     *
     * @param tenant the collectivité
     * @param from the start, included
     * @param to the end, excluded
     * @return the facts
     */
    List<RequestFacts> received(TenantId tenant, Instant from, Instant to);
}
