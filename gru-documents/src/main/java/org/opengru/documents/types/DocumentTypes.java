package org.opengru.documents.types;

import java.time.LocalDate;
import java.time.Period;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.opengru.core.catalogue.DocumentTypeCode;
import org.opengru.core.error.AlreadyExistsException;
import org.opengru.core.tenancy.TenantId;

/**
 * The document types each collectivité may use: the national ones, plus its own custom types (a
 * commune's "attestation de quotient familial municipal", for example). Thread-safe; instance-scoped.
 */
public final class DocumentTypes {

    /** Carte nationale d'identité. */
    public static final DocumentTypeCode NATIONAL_ID_CARD = DocumentTypeCode.of("carte-identite");
    /** Passeport. */
    public static final DocumentTypeCode PASSPORT = DocumentTypeCode.of("passeport");
    /** Titre de séjour. */
    public static final DocumentTypeCode RESIDENCE_PERMIT = DocumentTypeCode.of("titre-sejour");
    /** Justificatif de domicile (less than three months old). */
    public static final DocumentTypeCode PROOF_OF_ADDRESS = DocumentTypeCode.of("justificatif-domicile");
    /** Extrait Kbis of a company. */
    public static final DocumentTypeCode KBIS = DocumentTypeCode.of("extrait-kbis");
    /** Avis d'imposition. */
    public static final DocumentTypeCode TAX_NOTICE = DocumentTypeCode.of("avis-imposition");
    /** Livret de famille. */
    public static final DocumentTypeCode FAMILY_RECORD_BOOK = DocumentTypeCode.of("livret-famille");
    /** Relevé d'identité bancaire (RIB). */
    public static final DocumentTypeCode BANK_DETAILS = DocumentTypeCode.of("rib");
    /**
     * A file sent with a message on a request (by the usager, or by an agent to the usager): not one of
     * the démarche's pieces, permanent, up to 20 MiB.
     */
    public static final DocumentTypeCode MESSAGE_ATTACHMENT = DocumentTypeCode.of("piece-jointe");

    /**
     * Carte nationale d'identité: 10 years, except for cards issued to adults from 2 January 2004
     * until the electronic card (2 August 2021), which are valid 15 years (décret n° 2013-1188: the
     * extension covers cards issued from 2004-01-02 to 2013-12-31, and cards issued from 2014 were
     * issued for 15 years). Cards issued to minors: always 10 years.
     */
    public static final ValidityRule NATIONAL_ID_CARD_RULE = new ValidityRule.AgeAndIssueDependent(List.of(
            new ValidityRule.IssuePeriod(null, LocalDate.of(2004, 1, 1), 10, 10, "délivrée avant le 2 janvier 2004"),
            new ValidityRule.IssuePeriod(
                    LocalDate.of(2004, 1, 2),
                    LocalDate.of(2013, 12, 31),
                    15,
                    10,
                    "prolongation de 5 ans de 2014 pour les cartes délivrées du 2 janvier 2004 au 31 décembre 2013"),
            new ValidityRule.IssuePeriod(
                    LocalDate.of(2014, 1, 1), LocalDate.of(2021, 8, 1), 15, 10, "délivrée entre 2014 et août 2021"),
            new ValidityRule.IssuePeriod(LocalDate.of(2021, 8, 2), null, 10, 10, "carte d'identité électronique")));

    /** Passeport: 10 years for adults, 5 years for minors. */
    public static final ValidityRule PASSPORT_RULE = new ValidityRule.AgeAndIssueDependent(
            List.of(new ValidityRule.IssuePeriod(null, null, 10, 5, "passeport")));

    private static final List<DocumentType> NATIONAL = List.of(
            new DocumentType(NATIONAL_ID_CARD, "Carte nationale d'identité", NATIONAL_ID_CARD_RULE, 10L << 20),
            new DocumentType(PASSPORT, "Passeport", PASSPORT_RULE, 10L << 20),
            new DocumentType(RESIDENCE_PERMIT, "Titre de séjour", new ValidityRule.PrintedExpiry(), 10L << 20),
            new DocumentType(
                    PROOF_OF_ADDRESS,
                    "Justificatif de domicile de moins de 3 mois",
                    new ValidityRule.RecentIssue(Period.ofMonths(3)),
                    10L << 20),
            new DocumentType(
                    KBIS,
                    "Extrait Kbis de moins de 3 mois",
                    new ValidityRule.RecentIssue(Period.ofMonths(3)),
                    10L << 20),
            new DocumentType(
                    TAX_NOTICE, "Dernier avis d'imposition", new ValidityRule.IssuedSinceYearsAgo(1), 10L << 20),
            new DocumentType(FAMILY_RECORD_BOOK, "Livret de famille", new ValidityRule.Permanent(), 20L << 20),
            new DocumentType(BANK_DETAILS, "Relevé d'identité bancaire (RIB)", new ValidityRule.Permanent(), 5L << 20),
            new DocumentType(MESSAGE_ATTACHMENT, "Pièce jointe à un message", new ValidityRule.Permanent(), 20L << 20));

    private final Map<DocumentTypeCode, DocumentType> national;
    private final ConcurrentMap<TenantId, Map<DocumentTypeCode, DocumentType>> custom = new ConcurrentHashMap<>();

    private DocumentTypes(List<DocumentType> national) {
        Map<DocumentTypeCode, DocumentType> m = new LinkedHashMap<>();
        national.forEach(t -> m.put(t.code(), t));
        this.national = Map.copyOf(m);
    }

    /**
     * The national types only.
     *
     * @return a registry of the national types
     */
    public static DocumentTypes national() {
        return new DocumentTypes(NATIONAL);
    }

    /**
     * Adds a commune's own type. A custom type cannot shadow a national one (a démarche asking for a
     * "carte-identite" must mean the same thing everywhere).
     *
     * @param tenant the collectivité
     * @param type its own type
     * @return this registry
     * @throws AlreadyExistsException when the code is a national type's, or the collectivité already has one
     */
    public DocumentTypes addCustom(TenantId tenant, DocumentType type) {
        if (national.containsKey(type.code())) {
            throw new AlreadyExistsException("documentType", type.code().value());
        }
        Map<DocumentTypeCode, DocumentType> own = custom.computeIfAbsent(tenant, t -> new ConcurrentHashMap<>());
        if (own.putIfAbsent(type.code(), type) != null) {
            throw new AlreadyExistsException("documentType", tenant + "/" + type.code());
        }
        return this;
    }

    /**
     * The type with that code for that collectivité: national first, then its own.
     *
     * @param tenant the collectivité
     * @param code the type's code
     * @return the type, or empty
     */
    public Optional<DocumentType> find(TenantId tenant, DocumentTypeCode code) {
        DocumentType t = national.get(code);
        if (t != null) {
            return Optional.of(t);
        }
        return Optional.ofNullable(custom.getOrDefault(tenant, Map.of()).get(code));
    }

    /**
     * Every type available to that collectivité.
     *
     * @param tenant the collectivité
     * @return the national types, then its own
     */
    public List<DocumentType> available(TenantId tenant) {
        List<DocumentType> all = new java.util.ArrayList<>(national.values());
        all.addAll(custom.getOrDefault(tenant, Map.of()).values());
        return List.copyOf(all);
    }
}
