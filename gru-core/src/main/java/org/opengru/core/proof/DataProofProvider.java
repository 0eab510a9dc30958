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

    Optional<DataProof> proofFor(TenantId tenant, UsagerId usager, DocumentTypeCode piece, LocalDate on);

    /** No data proofs at all. */
    static DataProofProvider none() {
        return (tenant, usager, piece, on) -> Optional.empty();
    }
}
