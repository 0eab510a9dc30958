package org.opengru.core.testing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.opengru.core.GruCore;
import org.opengru.core.catalogue.ComplementEffect;
import org.opengru.core.catalogue.Condition;
import org.opengru.core.catalogue.DecisionPeriod;
import org.opengru.core.catalogue.DocumentTypeCode;
import org.opengru.core.catalogue.FieldDefinition;
import org.opengru.core.catalogue.FieldType;
import org.opengru.core.catalogue.FormData;
import org.opengru.core.catalogue.ImplicitDecisionRule;
import org.opengru.core.catalogue.Procedure;
import org.opengru.core.catalogue.RequiredPiece;
import org.opengru.core.exchange.ExchangeStore;
import org.opengru.core.id.AgentId;
import org.opengru.core.id.TeamId;
import org.opengru.core.id.UsagerId;
import org.opengru.core.principal.AgentPrincipal;
import org.opengru.core.principal.Principal;
import org.opengru.core.principal.UsagerPrincipal;
import org.opengru.core.request.ProvidedPiece;
import org.opengru.core.request.RequestStore;
import org.opengru.core.tenancy.Team;
import org.opengru.core.tenancy.TenantId;
import org.opengru.core.usager.Contact;
import org.opengru.core.usager.Household;
import org.opengru.core.usager.HouseholdMember;
import org.opengru.core.usager.Mandate;
import org.opengru.core.usager.MandateStore;
import org.opengru.core.usager.Person;
import org.opengru.core.value.EmailAddress;
import org.opengru.core.value.PhoneNumber;
import org.opengru.core.value.PostalAddress;

/**
 * A commune with one team, three démarches (SVA with restart, SVR with continue, no implicit decision),
 * a household (parent, child), a neighbour, and agents in and out of the team.
 */
public final class CoreFixture {

    public static final Instant START = Instant.parse("2026-01-15T09:30:00Z");

    public final MutableClock clock = new MutableClock(START);
    public final TenantId tenant;
    public final TeamId team = TeamId.of("etat-civil");
    public final GruCore core;
    public final UsagerId parent;
    public final UsagerId child;
    public final UsagerId neighbour;
    public final UsagerId household;
    public final UsagerPrincipal parentP;
    public final UsagerPrincipal childP;
    public final UsagerPrincipal neighbourP;
    public final AgentPrincipal agent;
    public final AgentPrincipal otherTeamAgent;

    public CoreFixture() {
        this("ville-test", RequestStore.inMemory());
    }

    public CoreFixture(String tenantId, RequestStore store) {
        this(tenantId, store, MandateStore.inMemory());
    }

    public CoreFixture(String tenantId, RequestStore store, MandateStore mandates) {
        this(tenantId, store, mandates, ExchangeStore.inMemory());
    }

    public CoreFixture(String tenantId, RequestStore store, MandateStore mandates, ExchangeStore exchanges) {
        tenant = TenantId.of(tenantId);
        core = GruCore.builder()
                .clock(clock)
                .exchangeStore(exchanges)
                .requestStore(store)
                .mandateStore(mandates)
                .build();
        core.teams()
                .save(new Team(
                        tenant,
                        team,
                        "Service État civil",
                        PostalAddress.france(
                                List.of("Hôtel de ville", "1 place de la Mairie"), "69100", "Villeurbanne"),
                        EmailAddress.parse("etat-civil@ville-test.fr"),
                        PhoneNumber.parse("04 78 00 00 00")));
        core.procedures().define(tenant, canteen(1));
        core.procedures().define(tenant, terrace());
        core.procedures().define(tenant, certificate());
        parent = person("Martin", "Claire");
        child = person("Martin", "Léo");
        neighbour = person("Durand", "Paul");
        household = core.ids().newUsagerId();
        core.usagers()
                .save(new Household(
                        household,
                        tenant,
                        "Foyer Martin",
                        List.of(
                                new HouseholdMember(parent, HouseholdMember.Relationship.RESPONSIBLE_ADULT, true),
                                new HouseholdMember(child, HouseholdMember.Relationship.CHILD, false)),
                        Contact.none()));
        parentP = Principal.usager(tenant, parent);
        childP = Principal.usager(tenant, child);
        neighbourP = Principal.usager(tenant, neighbour);
        agent = Principal.agent(tenant, AgentId.of("agent.dupont"), Set.of(team));
        otherTeamAgent = Principal.agent(tenant, AgentId.of("agent.voirie"), Set.of(TeamId.of("voirie")));
    }

    public UsagerId person(String family, String given) {
        UsagerId id = core.ids().newUsagerId();
        core.usagers().save(Person.declared(id, tenant, family, List.of(given), Contact.none(), clock.instant()));
        return id;
    }

    public void mandate(UsagerId represented, UsagerId representative) {
        core.mandates()
                .save(new Mandate(
                        UUID.randomUUID(),
                        tenant,
                        represented,
                        representative,
                        Mandate.Kind.POWER_OF_ATTORNEY,
                        clock.instant(),
                        null,
                        null));
    }

    /** Canteen registration: silence vaut accord after 2 months, restart after a complement. */
    public static Procedure canteen(int version) {
        return Procedure.builder("inscription-cantine", version)
                .title("Inscription à la cantine scolaire")
                .fields(
                        FieldDefinition.of("childName", "Nom de l'enfant", FieldType.TEXT, true),
                        FieldDefinition.choice(
                                "regime",
                                "Régime",
                                FieldType.SINGLE_CHOICE,
                                true,
                                List.of("standard", "sans-porc", "vegetarien")),
                        FieldDefinition.of("reducedRate", "Tarif réduit", FieldType.YES_NO, true),
                        FieldDefinition.of("quotient", "Quotient familial", FieldType.NUMBER, true)
                                .withRange(BigDecimal.ZERO, new BigDecimal("5000"))
                                .when(Condition.equalTo("reducedRate", "true")))
                .pieces(
                        RequiredPiece.of(DocumentTypeCode.of("justificatif-domicile"), "Justificatif de domicile"),
                        new RequiredPiece(
                                DocumentTypeCode.of("attestation-caf"),
                                "Attestation CAF",
                                Condition.equalTo("reducedRate", "true")))
                .openTo(org.opengru.core.usager.UsagerKind.PERSON, org.opengru.core.usager.UsagerKind.HOUSEHOLD)
                .implicitDecision(ImplicitDecisionRule.acceptance(DecisionPeriod.months(2), ComplementEffect.RESTART))
                .team("etat-civil")
                .retention(Period.ofYears(2))
                .build();
    }

    /** Terrace permit: silence vaut rejet after 1 month, the period continues after a complement. */
    public static Procedure terrace() {
        return Procedure.builder("autorisation-terrasse", 1)
                .title("Autorisation de terrasse")
                .fields(FieldDefinition.of("surface", "Surface (m²)", FieldType.NUMBER, true)
                        .withRange(BigDecimal.ONE, new BigDecimal("200")))
                .openTo(org.opengru.core.usager.UsagerKind.PERSON, org.opengru.core.usager.UsagerKind.COMPANY)
                .implicitDecision(ImplicitDecisionRule.rejection(DecisionPeriod.months(1), ComplementEffect.CONTINUE))
                .team("etat-civil")
                .build();
    }

    /** A certificate with no implicit decision. */
    public static Procedure certificate() {
        return Procedure.builder("certificat-residence", 1)
                .title("Certificat de résidence")
                .openTo(org.opengru.core.usager.UsagerKind.PERSON)
                .team("etat-civil")
                .build();
    }

    public static FormData canteenData() {
        return FormData.of("childName", "Léo Martin", "regime", "standard", "reducedRate", false);
    }

    public static List<ProvidedPiece> canteenPieces() {
        return List.of(ProvidedPiece.of("justificatif-domicile", "doc-1"));
    }
}
