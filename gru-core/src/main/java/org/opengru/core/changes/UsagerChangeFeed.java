package org.opengru.core.changes;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.opengru.core.changes.internal.InMemoryUsagerChangeFeed;
import org.opengru.core.changes.internal.PostgresUsagerChangeFeed;
import org.opengru.core.event.DomainEvents;
import org.opengru.core.id.UsagerId;
import org.opengru.core.jdbc.JdbcTransactions;
import org.opengru.core.request.RequestStore;
import org.opengru.core.tenancy.TenantId;

/**
 * Port: the changes on the requests some usagers applied for, as their event log has them. No access
 * check here: {@link UsagerChanges} says whose changes a signed-in usager follows and keeps the cursor.
 *
 * @since 0.1
 */
public interface UsagerChangeFeed {

    /**
     * The changes on the requests of {@code applicants} stamped strictly after {@code after}, oldest first,
     * at most {@code limit} of them.
     *
     * @param tenant the collectivité
     * @param applicants the usagers whose requests are followed
     * @param after the instant after which changes are read (exclusive)
     * @param limit the most changes returned
     * @return the changes, oldest first
     */
    List<UsagerChange> occurredAfter(TenantId tenant, Set<UsagerId> applicants, Instant after, int limit);

    /**
     * In memory: records the changes gru-core publishes from now on (one JVM; the applicant of each request
     * is read from {@code requests}). Everything is kept while the JVM runs: for tests and demonstrations.
     *
     * @param events gru-core's in-process event bus, listened to from now on
     * @param requests the requests, for the applicant of each change
     * @return the feed
     */
    static UsagerChangeFeed inMemory(DomainEvents events, RequestStore requests) {
        return InMemoryUsagerChangeFeed.listening(events, requests);
    }

    /**
     * In PostgreSQL: reads the request event log ({@code gru_request_event}) through its usager index, so
     * that a change made on any node is seen.
     *
     * @param tx the transactions on the database holding the log
     * @return the feed
     */
    static UsagerChangeFeed postgres(JdbcTransactions tx) {
        return new PostgresUsagerChangeFeed(tx);
    }
}
