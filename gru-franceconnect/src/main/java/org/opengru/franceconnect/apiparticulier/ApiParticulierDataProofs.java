package org.opengru.franceconnect.apiparticulier;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.opengru.core.catalogue.DocumentTypeCode;
import org.opengru.core.error.AccessDeniedException;
import org.opengru.core.id.UsagerId;
import org.opengru.core.principal.UsagerPrincipal;
import org.opengru.core.proof.DataProof;
import org.opengru.core.proof.DataProofProvider;
import org.opengru.core.tenancy.TenantId;
import org.opengru.core.usager.Attested;
import org.opengru.core.usager.Gender;
import org.opengru.core.usager.Person;
import org.opengru.core.usager.UsagerStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * gru-documents' data-proof port answered from API Particulier: a required piece (for example the
 * CAF certificate) is replaced by the data itself.
 *
 * <p>A proof is fetched only when all of these hold, otherwise the answer is empty (the piece is then
 * simply missing, as the port requires):
 *
 * <ul>
 *   <li>the piece is mapped to a dataset;
 *   <li>the application names the call's context (démarche and request) for this usager: the
 *       démarche's habilitation is checked by the client (a refusal is audited);
 *   <li>the usager's identity was checked (certified by FranceConnect or verified by an agent): a
 *       declared identity could fetch somebody else's data;
 *   <li>the data proves something (a student who is not enrolled proves nothing).
 * </ul>
 */
public final class ApiParticulierDataProofs implements DataProofProvider {
    private static final Logger LOG = LoggerFactory.getLogger(ApiParticulierDataProofs.class);

    /** The démarche and request a proof is being fetched for, when the application knows them. */
    @FunctionalInterface
    public interface ContextResolver {
        /**
         * The context of a proof fetched for this usager now, or empty when there is none (the proof is then
         * simply missing). It must come from what the usager is doing: a démarche and a request they consented for.
         *
         * @param tenant the collectivité
         * @param usager the usager whose piece is asked
         * @return the call's context, or empty
         */
        Optional<CallContext> contextFor(TenantId tenant, UsagerId usager);
    }

    private final ApiParticulierClient client;
    private final UsagerStore usagers;
    private final Map<DocumentTypeCode, ApiParticulierScope> pieces;
    private final ContextResolver contexts;
    private final Clock clock;

    /**
     * A data-proof provider over one collectivité's API Particulier client.
     *
     * @param pieces which dataset stands for which piece, for example the commune's "attestation CAF"
     *     type mapped to {@link ApiParticulierScope#QUOTIENT_FAMILIAL}
     * @param client the collectivité's API Particulier client
     * @param usagers where the usager's identity and its verification level are read
     * @param contexts names the démarche and request of a fetch
     * @param clock the day a proof is valid on
     */
    public ApiParticulierDataProofs(
            ApiParticulierClient client,
            UsagerStore usagers,
            Map<DocumentTypeCode, ApiParticulierScope> pieces,
            ContextResolver contexts,
            Clock clock) {
        this.client = Objects.requireNonNull(client, "client");
        this.usagers = Objects.requireNonNull(usagers, "usagers");
        this.pieces = Map.copyOf(pieces);
        this.contexts = Objects.requireNonNull(contexts, "contexts");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Optional<DataProof> proofFor(TenantId tenant, UsagerId usager, DocumentTypeCode piece, LocalDate on) {
        if (!applies(tenant, piece)) {
            return Optional.empty();
        }
        Optional<CallContext> context = contexts.contextFor(tenant, usager);
        if (context.isEmpty()) {
            return Optional.empty();
        }
        ProofAttempt attempt = fetchNow(tenant, usager, piece, context.get(), on);
        if (attempt instanceof ProofAttempt.Obtained obtained) {
            return Optional.of(obtained.proof());
        }
        ProofAttempt.NotObtained none = (ProofAttempt.NotObtained) attempt;
        LOG.info(
                "no data proof for piece {}: {}{}",
                piece,
                none.reason(),
                none.cause() == null
                        ? ""
                        : " (" + none.cause().getClass().getSimpleName() + " "
                                + none.cause().code() + ")");
        return Optional.empty();
    }

    /**
     * Fetches the signed-in usager's own proof for a piece now, in the context the application names (the
     * usager asked for it and consented, within this request), and says why when there is none: the
     * port's {@link #proofFor} only knows "missing", a page must tell "the CAF does not know you" from
     * "try again later". Agents and representatives go through gru-documents' {@code PieceReuse}, which
     * checks who acts for whom before asking this provider.
     *
     * @param by the signed-in usager, who must be the context's actor
     * @param piece the piece the proof stands for
     * @param context the démarche and request of the fetch
     * @param on the day the proof must be valid on (enrolled that day, beneficiary that day)
     * @return the proof, or why there is none
     * @throws AccessDeniedException when the call context names another actor than the principal
     */
    public ProofAttempt attempt(UsagerPrincipal by, DocumentTypeCode piece, CallContext context, LocalDate on) {
        Objects.requireNonNull(by, "by");
        if (!context.actor().equals(by.ref())) {
            // The context is what API Particulier's audit trail records as the requester.
            throw new AccessDeniedException(
                    by.toString(), "fetch data as", "actor", context.actor().toString());
        }
        return fetchNow(by.tenant(), by.usager(), piece, context, on);
    }

    private ProofAttempt fetchNow(
            TenantId tenant, UsagerId usager, DocumentTypeCode piece, CallContext context, LocalDate on) {
        if (!applies(tenant, piece)) {
            return new ProofAttempt.NotObtained(ProofAttempt.Reason.NOT_APPLICABLE, null);
        }
        Optional<PersonIdentity> person = usagers.find(tenant, usager)
                .filter(Person.class::isInstance)
                .map(Person.class::cast)
                .flatMap(ApiParticulierDataProofs::checkedIdentity);
        if (person.isEmpty()) {
            return new ProofAttempt.NotObtained(ProofAttempt.Reason.IDENTITY_NOT_CHECKED, null);
        }
        try {
            return fetch(pieces.get(piece), piece, context, person.get(), on)
                    .<ProofAttempt>map(ProofAttempt.Obtained::new)
                    .orElseGet(() -> new ProofAttempt.NotObtained(ProofAttempt.Reason.PROVES_NOTHING, null));
        } catch (ApiParticulierException e) {
            return new ProofAttempt.NotObtained(reason(e), e);
        }
    }

    private boolean applies(TenantId tenant, DocumentTypeCode piece) {
        return pieces.containsKey(piece) && tenant.equals(client.config().tenant());
    }

    private static ProofAttempt.Reason reason(ApiParticulierException e) {
        if (e instanceof PersonNotFoundException) {
            return ProofAttempt.Reason.PERSON_UNKNOWN;
        }
        if (e instanceof RateLimitedException) {
            return ProofAttempt.Reason.RATE_LIMITED;
        }
        if (e instanceof ProviderUnavailableException
                || e instanceof TransportException
                || e instanceof ConflictException) {
            return ProofAttempt.Reason.SOURCE_UNAVAILABLE;
        }
        return ProofAttempt.Reason.FAILED;
    }

    private Optional<DataProof> fetch(
            ApiParticulierScope scope,
            DocumentTypeCode piece,
            CallContext context,
            PersonIdentity person,
            LocalDate on) {
        Map<String, String> attributes = new LinkedHashMap<>();
        switch (scope) {
            case QUOTIENT_FAMILIAL -> {
                QuotientFamilial qf = client.quotientFamilial(context, person, YearMonth.from(on));
                attributes.put("quotient_familial", String.valueOf(qf.value()));
                attributes.put("fournisseur", qf.provider());
                attributes.put("periode", qf.period().toString());
                return proof(
                        piece,
                        "API Particulier — " + qf.provider(),
                        "Quotient familial " + qf.provider() + " de " + qf.period() + " : " + qf.value(),
                        qf.period().atEndOfMonth(),
                        attributes);
            }
            case STATUT_ETUDIANT -> {
                StudentStatus status = client.studentStatus(context, person);
                return status.admissions().stream()
                        .filter(a -> a.enrolled() && !on.isBefore(a.start()) && !on.isAfter(a.end()))
                        .findFirst()
                        .flatMap(a -> {
                            attributes.put("inscrit", "true");
                            attributes.put("etablissement_uai", a.uai());
                            attributes.put("regime", a.regimeCode());
                            return proof(
                                    piece,
                                    "API Particulier — MESRI",
                                    "Inscrit(e) en " + a.regimeLabel() + " à " + a.establishment() + " jusqu'au "
                                            + a.end(),
                                    a.end(),
                                    attributes);
                        });
            }
            case STATUT_ETUDIANT_BOURSIER -> {
                StudentScholarship s = client.studentScholarship(context, person);
                if (!s.scholar() || s.struckOff()) {
                    return Optional.empty();
                }
                attributes.put("boursier", "true");
                attributes.put("echelon", s.echelon());
                attributes.put("date_rentree", s.academicYearStart().toString());
                return proof(
                        piece,
                        "API Particulier — CNOUS",
                        "Étudiant(e) boursier(e), échelon " + s.echelon(),
                        s.academicYearStart().plusMonths(s.durationMonths()),
                        attributes);
            }
            case REVENU_SOLIDARITE_ACTIVE, COMPLEMENTAIRE_SANTE_SOLIDAIRE -> {
                boolean rsa = scope == ApiParticulierScope.REVENU_SOLIDARITE_ACTIVE;
                BenefitStatus b = rsa
                        ? client.revenuSolidariteActive(context, person)
                        : client.complementaireSanteSolidaire(context, person);
                if (!b.beneficiary()) {
                    return Optional.empty();
                }
                attributes.put("beneficiaire", "true");
                if (b.rightsStart() != null) {
                    attributes.put("date_debut_droit", b.rightsStart().toString());
                }
                return proof(
                        piece,
                        "API Particulier — " + (rsa ? "CNAF/MSA" : "CNAM"),
                        (rsa ? "Bénéficiaire du RSA" : "Bénéficiaire de la complémentaire santé solidaire"),
                        null,
                        attributes);
            }
            default -> {
                // STATUT_DEMANDEUR_EMPLOI needs the France Travail identifier, which the usager gives in the form.
                return Optional.empty();
            }
        }
    }

    private Optional<DataProof> proof(
            DocumentTypeCode piece,
            String source,
            String description,
            @Nullable LocalDate validUntil,
            Map<String, String> attributes) {
        return Optional.of(new DataProof(piece, source, description, clock.instant(), validUntil, attributes));
    }

    /** The identity to query with, only if it was checked by someone other than the usager. */
    private static Optional<PersonIdentity> checkedIdentity(Person p) {
        if (!checked(p.familyName())
                || !checked(p.givenNames())
                || !checked(p.birthDate())
                || !checked(p.birthCountry())
                || !checked(p.gender())
                || p.gender().value() == Gender.UNSPECIFIED) {
            return Optional.empty();
        }
        String country = p.birthCountry().value().value();
        String commune = p.birthPlace() == null ? null : p.birthPlace().value().value();
        LocalDate birth = p.birthDate().value();
        try {
            return Optional.of(new PersonIdentity(
                    p.familyName().value(),
                    p.usedName() == null ? null : p.usedName().value(),
                    p.givenNames()
                            .value()
                            .subList(0, Math.min(3, p.givenNames().value().size())),
                    birth.getYear(),
                    birth.getMonthValue(),
                    birth.getDayOfMonth(),
                    p.gender().value() == Gender.MALE ? "M" : "F",
                    country,
                    commune));
        } catch (InvalidParametersException e) {
            return Optional.empty();
        }
    }

    private static boolean checked(@Nullable Attested<?> attribute) {
        return attribute != null && attribute.provenance().checked();
    }
}
