package org.opengru.core.proof;

import java.time.LocalDate;
import java.util.Optional;
import org.opengru.core.catalogue.DocumentTypeCode;
import org.opengru.core.id.UsagerId;
import org.opengru.core.tenancy.TenantId;

/**
 * The port to data proofs (API Particulier, API Entreprise): for a required piece, fetch data that
 * replaces it, if the usager's identity allows (FranceConnect) and the démarche's legal basis covers
 * it. gru-franceconnect implements it; answer empty when there is none or the source fails (the
 * piece is then simply missing, never failed).
 */
@FunctionalInterface
public interface DataProofProvider {

    /**
     * Fetches data that stands for a piece, if the sources and the legal basis allow.
     *
     * @param tenant the collectivité asking
     * @param usager the usager whose data it is
     * @param piece the piece the démarche requires
     * @param on the day the data must be valid on
     * @return the data proof, or empty when there is none or the source failed
     */
    Optional<DataProof> proofFor(TenantId tenant, UsagerId usager, DocumentTypeCode piece, LocalDate on);

    /**
     * No data proofs at all.
     *
     * @return a provider that always answers empty
     */
    static DataProofProvider none() {
        return (tenant, usager, piece, on) -> Optional.empty();
    }
}
