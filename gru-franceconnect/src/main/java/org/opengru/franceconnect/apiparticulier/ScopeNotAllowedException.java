package org.opengru.franceconnect.apiparticulier;

import java.util.List;

/** Refused locally, before any request: the démarche is not habilitated for this dataset. */
public final class ScopeNotAllowedException extends ApiParticulierException {
    private static final long serialVersionUID = 1L;
    /** The démarche of the refused call. */
    private final String demarche;
    /** The dataset it would have read. */
    private final ApiParticulierScope scope;

    /**
     * Refuses a call outside the habilitations.
     *
     * @param demarche the démarche of the call
     * @param scope the dataset it would have read
     */
    public ScopeNotAllowedException(String demarche, ApiParticulierScope scope) {
        super("démarche '" + demarche + "' is not habilitated for " + scope, 0, List.of(), null);
        this.demarche = demarche;
        this.scope = scope;
    }

    /**
     * The démarche of the refused call.
     *
     * @return the démarche code
     */
    public String demarche() {
        return demarche;
    }

    /**
     * The dataset the refused call would have read.
     *
     * @return the scope
     */
    public ApiParticulierScope scope() {
        return scope;
    }
}
