package org.opengru.core.catalogue;

import org.opengru.core.internal.Checks;

/**
 * One version of a démarche: a request keeps the one it was filed under.
 *
 * @param code the démarche's code
 * @param version the version, 1 or more
 */
public record ProcedureRef(ProcedureCode code, int version) {

    /**
     * Checks the code and the version.
     *
     * @param code the démarche's code
     * @param version the version, 1 or more
     * @throws org.opengru.core.error.ValidationException naming {@code procedure.code} or {@code procedure.version}
     */
    public ProcedureRef {
        Checks.required("procedure.code", code);
        Checks.check(version >= 1, "procedure.version", version, "must be 1 or more");
    }

    @Override
    public String toString() {
        return code + "@v" + version;
    }
}
