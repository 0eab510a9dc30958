package org.opengru.core.rgpd;

import org.opengru.core.id.RequestId;
import org.opengru.core.tenancy.TenantId;

/**
 * Told by {@link PurgeJob} after each request whose retention it ended (purged or anonymised), so that
 * another module releases at once what it keeps for that request: gru-documents erases the request's
 * files and data proofs ({@code org.opengru.documents.vault.EndedRequestFiles}). Called after the change
 * committed in gru-core's store, which may be another database: a listener that fails, or a node that
 * stops between the two, leaves work that the module's own sweep must find and finish. A failure is
 * logged and does not stop the purge job.
 */
@FunctionalInterface
public interface RequestEndListener {

    /**
     * {@code request} of {@code tenant} was purged or anonymised ({@code how}).
     *
     * @param tenant the collectivité
     * @param request the request
     * @param how purged or anonymised
     */
    void ended(TenantId tenant, RequestId request, EndOfLife how);

    /**
     * Listens to nothing.
     *
     * @return a listener that does nothing
     */
    static RequestEndListener none() {
        return (tenant, request, how) -> {};
    }
}
