package org.opengru.core.catalogue;

import org.opengru.core.internal.Checks;

/** One version of a démarche: a request keeps the one it was filed under. */
public record ProcedureRef(ProcedureCode code, int version) {

    public ProcedureRef {
        Checks.required("procedure.code", code);
        Checks.check(version >= 1, "procedure.version", version, "must be 1 or more");
    }

    @Override
    public String toString() {
        return code + "@v" + version;
    }
}
