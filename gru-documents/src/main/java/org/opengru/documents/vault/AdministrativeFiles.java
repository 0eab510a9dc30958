package org.opengru.documents.vault;

import java.util.Objects;
import org.opengru.core.id.RequestId;
import org.opengru.core.request.RequestStore;
import org.opengru.core.rgpd.RetentionStore;
import org.opengru.core.tenancy.TenantId;

/**
 * Port: whether a request is still kept as an administrative file, so that what was attached to it
 * (documents, data proofs) is kept with it on an erasure request (art. 17.3.b RGPD). A draft was never
 * received and the requests section of the erasure purges it; a request already purged or anonymised by
 * the retention job keeps nothing personal either.
 */
@FunctionalInterface
public interface AdministrativeFiles {

    /**
     * Whether the request is still kept as an administrative file: what is attached to it stays, even when the
     * usager asks for erasure.
     *
     * @param tenant the collectivité
     * @param request the request
     * @return {@code true} while it is kept
     */
    boolean kept(TenantId tenant, RequestId request);

    /**
     * From gru-core's requests: received, still held, and not anonymised.
     *
     * @param requests gru-core's requests
     * @return the answer
     */
    static AdministrativeFiles of(RequestStore requests) {
        Objects.requireNonNull(requests, "requests");
        return (tenant, request) -> requests.find(tenant, request)
                .filter(r -> r.receivedAt() != null)
                .filter(r -> !r.applicant().equals(RetentionStore.ANONYMOUS_APPLICANT))
                .isPresent();
    }
}
