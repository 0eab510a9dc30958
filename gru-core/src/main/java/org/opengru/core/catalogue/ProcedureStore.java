package org.opengru.core.catalogue;

import java.util.List;
import java.util.Optional;
import org.opengru.core.catalogue.internal.InMemoryProcedureStore;
import org.opengru.core.tenancy.TenantId;

/**
 * Port: the démarche catalogue of each collectivité. Versions are immutable once defined: a request
 * filed under version 3 is processed under version 3 forever.
 */
public interface ProcedureStore {

    /**
     * Adds a version. Refused with {@link org.opengru.core.error.AlreadyExistsException} if that code and
     * version exist, and with a {@link org.opengru.core.error.ValidationException} if the version is not
     * above the latest one.
     */
    void define(TenantId tenant, Procedure procedure);

    Optional<Procedure> find(TenantId tenant, ProcedureRef ref);

    /** The latest version, the one new requests are filed under. */
    Optional<Procedure> latest(TenantId tenant, ProcedureCode code);

    /** The latest version of every démarche of the collectivité, by code. */
    List<Procedure> catalogue(TenantId tenant);

    static ProcedureStore inMemory() {
        return new InMemoryProcedureStore();
    }
}
