package org.opengru.documents.vault;

import java.util.Objects;
import org.opengru.core.id.RequestId;
import org.opengru.core.request.RequestStore;
import org.opengru.core.rgpd.RetentionStore;
import org.opengru.core.tenancy.TenantId;

/**
 * Port: whether gru-core still holds a request with its personal data, so that the files and data proofs
 * recorded for it must stay. A draft is alive (its pieces must not vanish while the usager fills it in),
 * so is a received request under retention; a request purged or anonymised by the retention job, or a
 * draft deleted, is not. Unlike {@link AdministrativeFiles} (what an erasure request must keep), a draft
 * counts here.
 */
@FunctionalInterface
public interface LiveRequests {

    /**
     * Whether the request still lives (its files are needed).
     *
     * @param tenant the collectivité
     * @param request the request
     * @return {@code true} while it lives
     */
    boolean live(TenantId tenant, RequestId request);

    /**
     * From gru-core's requests: present and not anonymised.
     *
     * @param requests gru-core's requests
     * @return the answer
     */
    static LiveRequests of(RequestStore requests) {
        Objects.requireNonNull(requests, "requests");
        return (tenant, request) -> requests.find(tenant, request)
                .filter(r -> !r.applicant().equals(RetentionStore.ANONYMOUS_APPLICANT))
                .isPresent();
    }
}
