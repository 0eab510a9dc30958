package org.opengru.core.catalogue;

import java.util.List;
import java.util.Optional;
import org.opengru.core.catalogue.internal.InMemoryProcedureStore;
import org.opengru.core.error.AlreadyExistsException;
import org.opengru.core.error.ValidationException;
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
     *
     * @param tenant the collectivité
     * @param procedure the new version
     */
    void define(TenantId tenant, Procedure procedure);

    /**
     * Declares a version at each start of the application: defines it, or does nothing when that version is
     * already defined with the same content (a restart on a persistent catalogue). A version already
     * defined with other content is refused: versions are immutable, so a changed démarche needs a new
     * version number.
     *
     * @return whether the version was defined now
     * @throws ValidationException naming the code and version when a different content is already defined
     * @param tenant the collectivité
     * @param procedure the version
     */
    default boolean declare(TenantId tenant, Procedure procedure) {
        try {
            define(tenant, procedure);
            return true;
        } catch (AlreadyExistsException e) {
            Procedure stored = find(tenant, procedure.ref()).orElseThrow(() -> e);
            if (!stored.equals(procedure)) {
                throw new ValidationException(
                        "procedure",
                        procedure.ref().toString(),
                        "is already defined with another content: versions are immutable, give the new content"
                                + " version " + (procedure.ref().version() + 1));
            }
            return false;
        }
    }

    /**
     * Looks up one version.
     *
     * @param tenant the collectivité
     * @param ref the code and version
     * @return the démarche, or empty
     */
    Optional<Procedure> find(TenantId tenant, ProcedureRef ref);

    /**
     * The latest version, the one new requests are filed under.
     *
     * @param tenant the collectivité
     * @param code the démarche's code
     * @return the latest version, or empty when none is defined
     */
    Optional<Procedure> latest(TenantId tenant, ProcedureCode code);

    /**
     * The latest version of every démarche of the collectivité, by code.
     *
     * @param tenant the collectivité
     * @return the démarches, possibly none
     */
    List<Procedure> catalogue(TenantId tenant);

    /**
     * A thread-safe store in memory (the embedded default, and tests).
     *
     * @return an empty store
     */
    static ProcedureStore inMemory() {
        return new InMemoryProcedureStore();
    }
}
