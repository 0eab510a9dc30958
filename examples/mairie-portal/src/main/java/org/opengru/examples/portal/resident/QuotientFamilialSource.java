package org.opengru.examples.portal.resident;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.opengru.core.GruCore;
import org.opengru.core.catalogue.DocumentTypeCode;
import org.opengru.core.catalogue.Procedure;
import org.opengru.core.principal.UsagerPrincipal;
import org.opengru.core.request.Request;
import org.opengru.core.rgpd.ConsentLedger;
import org.opengru.core.rgpd.ConsentRecord;
import org.opengru.core.usager.Person;
import org.opengru.examples.portal.commune.Commune;
import org.opengru.franceconnect.apiparticulier.ApiParticulierClient;
import org.opengru.franceconnect.apiparticulier.ApiParticulierDataProofs;
import org.opengru.franceconnect.apiparticulier.ApiParticulierScope;
import org.opengru.franceconnect.apiparticulier.CallContext;
import org.opengru.franceconnect.apiparticulier.ProofAttempt;
import org.opengru.spring.franceconnect.ApiParticulierClients;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The quotient familial from the CAF or the MSA through API Particulier, fetched only when the resident
 * asks for it on the form and agrees (recorded in gru-core's consent ledger), within their draft request
 * (the call is audited on it). The demo's client talks to the local sandbox; a real installation
 * configures the starter's client ({@code gru.tenants.<id>.api-particulier.*}).
 */
@Component
class QuotientFamilialSource {

    /** The piece the quotient familial stands for. */
    static final DocumentTypeCode CAF_CERTIFICATE = DocumentTypeCode.of("attestation-caf");
    /** The version of the consent text shown on the form (formulaire.html), kept with each consent. */
    static final String CONSENT_TEXT_VERSION = "qf-api-particulier-2026-1";

    private final @Nullable ApiParticulierDataProofs proofs;
    private final GruCore core;
    private final ConsentLedger consents;
    private final Clock clock;

    QuotientFamilialSource(
            ObjectProvider<ApiParticulierClient> portalClient,
            ObjectProvider<ApiParticulierClients> starterClients,
            GruCore core,
            ConsentLedger consents,
            Clock clock) {
        ApiParticulierClient client = portalClient.getIfAvailable(() -> {
            ApiParticulierClients clients = starterClients.getIfAvailable();
            return clients == null ? null : clients.forTenant(Commune.TENANT).orElse(null);
        });
        this.proofs = client == null
                ? null
                : new ApiParticulierDataProofs(
                        client,
                        core.usagers(),
                        Map.of(CAF_CERTIFICATE, ApiParticulierScope.QUOTIENT_FAMILIAL),
                        // Never fetched behind the resident's back: only attempt(), after their consent.
                        (tenant, usager) -> Optional.empty(),
                        clock);
        this.core = core;
        this.consents = consents;
        this.clock = clock;
    }

    /** Whether the démarche asks for the CAF certificate and API Particulier is configured. */
    boolean offeredFor(Procedure procedure) {
        return proofs != null
                && procedure.pieces().stream().anyMatch(p -> p.type().equals(CAF_CERTIFICATE));
    }

    /** Whether the resident's identity was checked (FranceConnect, an agent): the data is asked with it. */
    boolean identityChecked(UsagerPrincipal me) {
        return core.usagers()
                .find(Commune.TENANT, me.usager())
                .filter(Person.class::isInstance)
                .map(p -> ((Person) p).familyName().provenance().checked())
                .orElse(false);
    }

    /** Records the resident's consent for this request, then asks API Particulier. */
    ProofAttempt fetch(UsagerPrincipal me, Request draft) {
        if (proofs == null) {
            return new ProofAttempt.NotObtained(ProofAttempt.Reason.NOT_APPLICABLE, null);
        }
        consents.record(new ConsentRecord(
                Commune.TENANT,
                me.usager(),
                "api-particulier.qf." + draft.id(),
                true,
                clock.instant(),
                CONSENT_TEXT_VERSION,
                "WEB"));
        CallContext context = new CallContext(me.ref(), draft.procedure().code().value(), draft.id());
        return proofs.attempt(me, CAF_CERTIFICATE, context, LocalDate.now(clock.withZone(ZoneId.of("Europe/Paris"))));
    }

    /** What went wrong, in plain French, always with the way forward: the certificate. */
    static String explain(ProofAttempt.NotObtained none) {
        String then = " Vous pouvez joindre votre attestation de quotient familial ci-dessous.";
        return switch (none.reason()) {
            case PERSON_UNKNOWN ->
                "La CAF et la MSA n'ont pas trouvé de dossier allocataire à votre nom : votre quotient familial"
                        + " n'a pas pu être obtenu." + then;
            case SOURCE_UNAVAILABLE ->
                "Le service de la CAF ou de la MSA ne répond pas pour le moment : votre quotient familial"
                        + " n'a pas pu être obtenu. Réessayez plus tard." + then;
            case RATE_LIMITED ->
                "Trop de demandes ont été faites auprès de la CAF en peu de temps : réessayez dans quelques"
                        + " minutes." + then;
            case IDENTITY_NOT_CHECKED ->
                "Votre quotient familial ne peut être demandé que si votre identité a été certifiée par"
                        + " FranceConnect." + then;
            case PROVES_NOTHING, NOT_APPLICABLE, FAILED -> "Votre quotient familial n'a pas pu être obtenu." + then;
        };
    }
}
