package org.opengru.core.rgpd;

import java.time.Instant;
import java.util.List;
import org.opengru.core.catalogue.ProcedureCode;
import org.opengru.core.id.RequestId;
import org.opengru.core.id.UsagerId;
import org.opengru.core.tenancy.TenantId;

/** Port: the storage side of retention (the PostgreSQL adapter works on the request tables). */
public interface RetentionStore {

    /** The applicant of an anonymised request (the nil UUID). */
    UsagerId ANONYMOUS_APPLICANT = UsagerId.of(new java.util.UUID(0, 0));

    /**
     * Closed requests of the démarche closed before {@code closedBefore}, not archived yet.
     *
     * @param tenant the collectivité
     * @param procedure the démarche
     * @param closedBefore the limit of the closing date
     * @param limit the most requests
     * @return the candidates
     */
    List<RetentionCandidate> toArchive(TenantId tenant, ProcedureCode procedure, Instant closedBefore, int limit);

    /**
     * Closed requests of the démarche closed before {@code closedBefore}, not purged nor anonymised.
     *
     * @param tenant the collectivité
     * @param procedure the démarche
     * @param closedBefore the limit of the closing date
     * @param limit the most requests
     * @return the candidates
     */
    List<RetentionCandidate> expired(TenantId tenant, ProcedureCode procedure, Instant closedBefore, int limit);

    /**
     * Moves the request to the intermediate archive (out of daily lists).
     *
     * @param tenant the collectivité
     * @param request the request
     * @param at when
     */
    void archive(TenantId tenant, RequestId request, Instant at);

    /**
     * Deletes the request, its history, its idempotency records and its timeline entries.
     *
     * @param tenant the collectivité
     * @param request the request
     */
    void purge(TenantId tenant, RequestId request);

    /**
     * Strips the request of everything identifying; keeps what statistics need.
     *
     * @param tenant the collectivité
     * @param request the request
     * @param at when
     */
    void anonymise(TenantId tenant, RequestId request, Instant at);

    /**
     * The requests the usager filed or is the beneficiary of that were never received (drafts): nothing
     * obliges to keep them.
     *
     * @param tenant the collectivité
     * @param usager the usager
     * @return the drafts' ids
     */
    List<RequestId> drafts(TenantId tenant, UsagerId usager);

    /**
     * The received requests the usager filed or is the beneficiary of, still held (kept under their retention).
     *
     * @param tenant the collectivité
     * @param usager the usager
     * @return the requests' ids
     */
    List<RequestId> retained(TenantId tenant, UsagerId usager);
}
