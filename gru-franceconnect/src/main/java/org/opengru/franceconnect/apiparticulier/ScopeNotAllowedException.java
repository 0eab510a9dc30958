package org.opengru.franceconnect.apiparticulier;

import java.util.List;

/** Refused locally, before any request: the démarche is not habilitated for this dataset. */
public final class ScopeNotAllowedException extends ApiParticulierException {
    private static final long serialVersionUID = 1L;
    private final String demarche;
    private final ApiParticulierScope scope;

    public ScopeNotAllowedException(String demarche, ApiParticulierScope scope) {
        super("démarche '" + demarche + "' is not habilitated for " + scope, 0, List.of(), null);
        this.demarche = demarche;
        this.scope = scope;
    }

    public String demarche() {
        return demarche;
    }

    public ApiParticulierScope scope() {
        return scope;
    }
}
