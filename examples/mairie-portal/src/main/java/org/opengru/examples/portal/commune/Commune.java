package org.opengru.examples.portal.commune;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opengru.core.GruCore;
import org.opengru.core.catalogue.ComplementEffect;
import org.opengru.core.catalogue.Condition;
import org.opengru.core.catalogue.DecisionPeriod;
import org.opengru.core.catalogue.DocumentTypeCode;
import org.opengru.core.catalogue.FieldDefinition;
import org.opengru.core.catalogue.FieldType;
import org.opengru.core.catalogue.ImplicitDecisionRule;
import org.opengru.core.catalogue.Procedure;
import org.opengru.core.catalogue.RequiredPiece;
import org.opengru.core.id.TeamId;
import org.opengru.core.tenancy.Team;
import org.opengru.core.tenancy.TenantId;
import org.opengru.core.usager.UsagerKind;
import org.opengru.core.value.EmailAddress;
import org.opengru.core.value.PhoneNumber;
import org.opengru.core.value.PostalAddress;
import org.opengru.scheduling.booking.SiteSetup;
import org.opengru.scheduling.holiday.HolidayZone;
import org.opengru.scheduling.hours.OpeningHours;
import org.opengru.scheduling.hours.ScheduleTarget;
import org.opengru.scheduling.hours.WeeklySchedule;
import org.opengru.scheduling.model.Resource;
import org.opengru.scheduling.model.ResourceId;
import org.opengru.scheduling.model.Service;
import org.opengru.scheduling.model.ServiceId;
import org.opengru.scheduling.model.Site;
import org.opengru.scheduling.model.SiteId;

/**
 * The commune of Belleville-sur-Loire as plain data: its teams, its five démarches, its two sites with
 * their desks, services and opening hours. A real installation would load the same data from its own
 * configuration (the catalogue is JSON/YAML-loadable with {@code ProcedureDefinitions}).
 */
public final class Commune {

    public static final TenantId TENANT = TenantId.of("commune-45000");
    public static final String NAME = "Mairie de Belleville-sur-Loire";
    /** The town hall's SIRET, sent to API Particulier as the {@code recipient} of the data. */
    public static final String SIRET = "21450123100010";

    public static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    public static final TeamId ETAT_CIVIL = TeamId.of("etat-civil");
    public static final TeamId ENFANCE = TeamId.of("enfance");
    public static final TeamId PROPRETE = TeamId.of("proprete");
    public static final TeamId URBANISME = TeamId.of("urbanisme");

    public static final String ACTE_ETAT_CIVIL = "acte-etat-civil";
    public static final String CANTINE = "inscription-cantine";
    public static final String DEPOT_SAUVAGE = "signalement-depot-sauvage";
    public static final String URBANISME_DP = "declaration-prealable";
    public static final String PASSEPORT = "passeport-rendez-vous";

    public static final SiteId HOTEL_DE_VILLE = SiteId.of("hotel-de-ville");
    public static final SiteId ANNEXE_NORD = SiteId.of("annexe-nord");
    public static final ServiceId SERVICE_PASSEPORT = ServiceId.of("passeport-cni");
    public static final ServiceId SERVICE_ETAT_CIVIL = ServiceId.of("etat-civil");
    public static final ServiceId SERVICE_URBANISME = ServiceId.of("urbanisme");
    /** Paid online through PayFiP before it is booked (issue 23): the slot is held meanwhile. */
    public static final ServiceId SERVICE_STATIONNEMENT = ServiceId.of("stationnement-resident");

    /** Human names of the teams, for the agents' pages. */
    public static final Map<TeamId, String> TEAM_NAMES = Map.of(
            ETAT_CIVIL, "État civil et citoyenneté",
            ENFANCE, "Enfance et restauration scolaire",
            PROPRETE, "Propreté urbaine",
            URBANISME, "Urbanisme");

    private static final DayOfWeek[] WEEKDAYS = {
        DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY
    };

    private Commune() {}

    /** Declares the teams and the démarches in the core's directories (in memory: re-declared at each start). */
    public static void declare(GruCore core) {
        PostalAddress hotelDeVille = PostalAddress.france(
                List.of("Hôtel de ville", "1 place de la Mairie"), "45000", "Belleville-sur-Loire");
        TEAM_NAMES.forEach((id, name) -> core.teams()
                .save(new Team(
                        TENANT,
                        id,
                        "Service " + name,
                        hotelDeVille,
                        EmailAddress.parse(id.value() + "@belleville-sur-loire.fr"),
                        PhoneNumber.parse("02 38 00 00 00"))));
        for (Procedure p : procedures()) {
            if (core.procedures().find(TENANT, p.ref()).isEmpty()) {
                core.procedures().define(TENANT, p);
            }
        }
    }

    /** The five démarches of the demo. */
    public static List<Procedure> procedures() {
        return List.of(
                Procedure.builder(ACTE_ETAT_CIVIL, 1)
                        .title("Demande d'acte d'état civil")
                        .fields(
                                FieldDefinition.choice(
                                                "typeActe",
                                                "Type d'acte",
                                                FieldType.SINGLE_CHOICE,
                                                true,
                                                List.of("naissance", "mariage", "deces"))
                                        .withChoiceLabels(labels(
                                                "naissance", "Acte de naissance",
                                                "mariage", "Acte de mariage",
                                                "deces", "Acte de décès")),
                                FieldDefinition.of(
                                                "nomPersonne",
                                                "Nom et prénoms de la personne concernée",
                                                FieldType.TEXT,
                                                true)
                                        .withPattern(".{2,200}"),
                                FieldDefinition.of("dateEvenement", "Date de l'événement", FieldType.DATE, true))
                        .openTo(UsagerKind.PERSON)
                        .team(ETAT_CIVIL.value())
                        .retention(Period.ofYears(1))
                        .build(),
                Procedure.builder(CANTINE, 1)
                        .title("Inscription à la cantine scolaire")
                        .fields(
                                FieldDefinition.of("nomEnfant", "Nom et prénom de l'enfant", FieldType.TEXT, true),
                                FieldDefinition.choice(
                                                "ecole",
                                                "École",
                                                FieldType.SINGLE_CHOICE,
                                                true,
                                                List.of("ecole-jules-ferry", "ecole-des-tilleuls"))
                                        .withChoiceLabels(labels(
                                                "ecole-jules-ferry", "École Jules-Ferry",
                                                "ecole-des-tilleuls", "École des Tilleuls")),
                                FieldDefinition.of(
                                        "tarifReduit",
                                        "Demander le tarif selon le quotient familial",
                                        FieldType.YES_NO,
                                        true),
                                FieldDefinition.of("quotientFamilial", "Quotient familial CAF", FieldType.NUMBER, true)
                                        .withRange(BigDecimal.ZERO, new BigDecimal("5000"))
                                        .when(Condition.equalTo("tarifReduit", "true")))
                        .pieces(
                                RequiredPiece.of(
                                        DocumentTypeCode.of("justificatif-domicile"),
                                        "Justificatif de domicile de moins de 3 mois"),
                                new RequiredPiece(
                                        DocumentTypeCode.of("attestation-caf"),
                                        "Attestation de quotient familial CAF",
                                        Condition.equalTo("tarifReduit", "true")))
                        .openTo(UsagerKind.PERSON, UsagerKind.HOUSEHOLD)
                        .implicitDecision(
                                ImplicitDecisionRule.acceptance(DecisionPeriod.months(2), ComplementEffect.RESTART))
                        .team(ENFANCE.value())
                        .retention(Period.ofYears(2))
                        .build(),
                Procedure.builder(DEPOT_SAUVAGE, 1)
                        .title("Signaler un dépôt sauvage de déchets")
                        .fields(
                                FieldDefinition.of("adresse", "Adresse ou lieu du dépôt", FieldType.TEXT, true),
                                FieldDefinition.of("latitude", "Latitude (facultatif)", FieldType.NUMBER, false)
                                        .withRange(new BigDecimal("-90"), new BigDecimal("90")),
                                FieldDefinition.of("longitude", "Longitude (facultatif)", FieldType.NUMBER, false)
                                        .withRange(new BigDecimal("-180"), new BigDecimal("180")),
                                FieldDefinition.of("description", "Description du dépôt", FieldType.TEXT, true))
                        .pieces(RequiredPiece.of(DocumentTypeCode.of("photo"), "Photo du dépôt"))
                        .openTo(UsagerKind.PERSON, UsagerKind.COMPANY, UsagerKind.ASSOCIATION)
                        .team(PROPRETE.value())
                        .retention(Period.ofMonths(6))
                        .build(),
                Procedure.builder(URBANISME_DP, 1)
                        .title("Déclaration préalable de travaux")
                        .fields(
                                FieldDefinition.of("adresseTerrain", "Adresse du terrain", FieldType.TEXT, true),
                                FieldDefinition.choice(
                                                "natureTravaux",
                                                "Nature des travaux",
                                                FieldType.SINGLE_CHOICE,
                                                true,
                                                List.of("cloture", "abri-de-jardin", "ravalement", "fenetres"))
                                        .withChoiceLabels(labels(
                                                "cloture", "Clôture",
                                                "abri-de-jardin", "Abri de jardin",
                                                "ravalement", "Ravalement de façade",
                                                "fenetres", "Changement de fenêtres")),
                                FieldDefinition.of("surface", "Surface créée (m²)", FieldType.NUMBER, true)
                                        .withRange(BigDecimal.ZERO, new BigDecimal("40")))
                        .pieces(
                                RequiredPiece.of(DocumentTypeCode.of("plan-situation"), "Plan de situation"),
                                RequiredPiece.of(DocumentTypeCode.of("plan-masse"), "Plan de masse"))
                        .openTo(UsagerKind.PERSON, UsagerKind.COMPANY)
                        .implicitDecision(
                                ImplicitDecisionRule.acceptance(DecisionPeriod.months(1), ComplementEffect.RESTART))
                        .team(URBANISME.value())
                        .retention(Period.ofYears(10))
                        .build(),
                Procedure.builder(PASSEPORT, 1)
                        .title("Passeport ou carte d'identité : dépôt du dossier")
                        .fields(FieldDefinition.of(
                                        "numeroPredemande",
                                        "Numéro de pré-demande ANTS (10 caractères)",
                                        FieldType.TEXT,
                                        true)
                                .withPattern("[A-Z0-9]{10}"))
                        .openTo(UsagerKind.PERSON)
                        .team(ETAT_CIVIL.value())
                        .retention(Period.ofYears(1))
                        .build());
    }

    /** A choice's labels by code, in the order given (code, label, code, label...). */
    private static Map<String, String> labels(String... codesAndLabels) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (int i = 0; i < codesAndLabels.length; i += 2) {
            out.put(codesAndLabels[i], codesAndLabels[i + 1]);
        }
        return out;
    }

    /** The two sites with their desks, services and opening hours. */
    public static List<SiteSetup> sites() {
        Service passport = Service.builder(TENANT, SERVICE_PASSEPORT, "Passeport et carte d'identité")
                .duration(Duration.ofMinutes(20))
                .step(Duration.ofMinutes(20))
                .buffers(Duration.ZERO, Duration.ofMinutes(5))
                .minNotice(Duration.ofHours(1))
                .maxHorizon(Duration.ofDays(60))
                .antsNumberRequired(true)
                .maxPeople(4)
                .build();
        Service civil = Service.builder(TENANT, SERVICE_ETAT_CIVIL, "État civil")
                .duration(Duration.ofMinutes(15))
                .minNotice(Duration.ofHours(1))
                .maxHorizon(Duration.ofDays(60))
                .build();
        Service parking = Service.builder(TENANT, SERVICE_STATIONNEMENT, "Carte de stationnement résident")
                .duration(Duration.ofMinutes(15))
                .minNotice(Duration.ofHours(1))
                .maxHorizon(Duration.ofDays(60))
                .priceCents(2_500)
                .build();
        Service urbanism = Service.builder(TENANT, SERVICE_URBANISME, "Conseil en urbanisme")
                .duration(Duration.ofMinutes(30))
                .minNotice(Duration.ofHours(24))
                .maxHorizon(Duration.ofDays(90))
                .build();

        Site main = Site.of(TENANT, HOTEL_DE_VILLE, "Hôtel de ville", HolidayZone.METROPOLE);
        OpeningHours mainHours = OpeningHours.builder(main)
                .schedule(WeeklySchedule.builder(ScheduleTarget.site(HOTEL_DE_VILLE), LocalDate.of(2026, 1, 1))
                        .open("08:30", "12:00", WEEKDAYS)
                        .open("13:30", "17:00", WEEKDAYS)
                        .open("09:00", "12:00", DayOfWeek.SATURDAY)
                        .build())
                .build();
        List<Resource> mainDesks = List.of(
                new Resource(
                        TENANT, ResourceId.of("guichet-1"), HOTEL_DE_VILLE, "Guichet 1", Set.of(SERVICE_PASSEPORT)),
                new Resource(
                        TENANT, ResourceId.of("guichet-2"), HOTEL_DE_VILLE, "Guichet 2", Set.of(SERVICE_PASSEPORT)),
                new Resource(
                        TENANT, ResourceId.of("guichet-3"), HOTEL_DE_VILLE, "Guichet 3", Set.of(SERVICE_ETAT_CIVIL)),
                new Resource(
                        TENANT,
                        ResourceId.of("guichet-4"),
                        HOTEL_DE_VILLE,
                        "Guichet 4",
                        Set.of(SERVICE_STATIONNEMENT)));

        Site annex = Site.of(TENANT, ANNEXE_NORD, "Mairie annexe du quartier Nord", HolidayZone.METROPOLE);
        OpeningHours annexHours = OpeningHours.builder(annex)
                .schedule(WeeklySchedule.builder(ScheduleTarget.site(ANNEXE_NORD), LocalDate.of(2026, 1, 1))
                        .open("09:00", "12:00", DayOfWeek.TUESDAY, DayOfWeek.THURSDAY)
                        .open("14:00", "18:00", DayOfWeek.TUESDAY, DayOfWeek.THURSDAY)
                        .build())
                .build();
        List<Resource> annexDesks = List.of(new Resource(
                TENANT,
                ResourceId.of("accueil-nord"),
                ANNEXE_NORD,
                "Accueil",
                Set.of(SERVICE_ETAT_CIVIL, SERVICE_URBANISME)));

        return List.of(
                new SiteSetup(mainHours, mainDesks, List.of(passport, civil, parking), Set.of(ETAT_CIVIL)),
                new SiteSetup(annexHours, annexDesks, List.of(civil, urbanism), Set.of(ETAT_CIVIL, URBANISME)));
    }

    /** Plain French labels of the statuses. */
    public static String statusLabel(String status) {
        return switch (status) {
            case "DRAFT" -> "Brouillon";
            case "AWAITING_PAYMENT" -> "En attente de paiement";
            case "SUBMITTED" -> "Reçue";
            case "IN_REVIEW" -> "En cours d'instruction";
            case "AWAITING_COMPLEMENT" -> "En attente de compléments";
            case "ACCEPTED" -> "Acceptée";
            case "REJECTED" -> "Refusée";
            case "CLOSED_WITHOUT_FOLLOW_UP" -> "Classée sans suite";
            case "WITHDRAWN" -> "Retirée";
            default -> status;
        };
    }
}
