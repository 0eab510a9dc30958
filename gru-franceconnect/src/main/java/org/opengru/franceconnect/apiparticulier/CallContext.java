package org.opengru.franceconnect.apiparticulier;

import java.util.Objects;
import org.opengru.core.id.RequestId;
import org.opengru.core.principal.ActorRef;
import org.opengru.franceconnect.InvalidConfigurationException;

/**
 * Why a call is made, for the habilitation check and the audit: who, for which démarche, within which
 * request (the audit trail is kept per request).
 *
 * @param actor the agent or usager on whose behalf the call is made (pseudonymous)
 * @param demarche the démarche code, as in {@link Habilitations}
 * @param requestId the request being instructed
 */
public record CallContext(ActorRef actor, String demarche, RequestId requestId) {
    /**
     * Checks the context.
     *
     * @param actor the agent or usager on whose behalf the call is made (pseudonymous)
     * @param demarche the démarche code, as in {@link Habilitations}
     * @param requestId the request being instructed
     * @throws InvalidConfigurationException when the démarche code is not a lower-case code of
     *     {@link Habilitations}
     * @throws NullPointerException when the actor or the request is missing
     */
    public CallContext {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(requestId, "requestId");
        if (demarche == null || !Habilitations.DEMARCHE.matcher(demarche).matches()) {
            throw new InvalidConfigurationException(
                    "demarche", demarche, "must match " + Habilitations.DEMARCHE.pattern());
        }
    }
}
