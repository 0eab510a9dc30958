package org.opengru.examples.portal.demo;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.opengru.core.GruCore;
import org.opengru.core.id.AgentId;
import org.opengru.core.id.TeamId;
import org.opengru.core.id.UsagerId;
import org.opengru.core.usager.Attested;
import org.opengru.core.usager.Contact;
import org.opengru.core.usager.Gender;
import org.opengru.core.usager.Household;
import org.opengru.core.usager.HouseholdMember;
import org.opengru.core.usager.NotificationChannel;
import org.opengru.core.usager.Person;
import org.opengru.core.usager.PivotIdentity;
import org.opengru.core.usager.Provenance;
import org.opengru.core.usager.Usager;
import org.opengru.core.value.CogCode;
import org.opengru.core.value.EmailAddress;
import org.opengru.core.value.PhoneNumber;
import org.opengru.core.value.PostalAddress;
import org.opengru.examples.portal.commune.Commune;
import org.opengru.examples.portal.signin.AgentDirectory;

/**
 * The demo's residents and agents. Ids are derived from names so that a restart finds the requests and
 * bookings kept in PostgreSQL under the same usagers.
 */
public final class DemoPeople {

    public static final String CLAIRE_FAMILY_NAME = "Martin";
    public static final String CLAIRE_GIVEN_NAMES = "Claire Marie";
    public static final LocalDate CLAIRE_BIRTH_DATE = LocalDate.of(1985, 4, 12);
    /** Orléans (INSEE COG). */
    public static final String CLAIRE_BIRTH_PLACE = "45234";

    public static final UsagerId CLAIRE = id("claire-martin");
    public static final UsagerId LEO = id("leo-martin");
    public static final UsagerId THOMAS = id("thomas-martin");
    public static final UsagerId FOYER_MARTIN = id("foyer-martin");
    public static final UsagerId PAUL = id("paul-durand");
    public static final UsagerId AMINA = id("amina-benali");

    public static final AgentId JEANNE = AgentId.of("jeanne.dupont");
    public static final AgentId MARC = AgentId.of("marc.moreau");
    public static final AgentId LINH = AgentId.of("linh.nguyen");
    public static final AgentId ACCUEIL = AgentId.of("sophie.accueil");

    /** The commune's SIRET, as ProConnect gives it for its agents (the town hall's demo number). */
    public static final String COMMUNE_SIRET = Commune.SIRET;

    /**
     * A demo agent, as ProConnect knows them (a pseudonymous {@code sub}, e-mail, names) and as the commune's
     * directory knows them (an agent id and teams).
     */
    public record DemoAgent(
            AgentId id, String sub, String givenName, String usualName, String service, Set<TeamId> teams) {

        public String email() {
            return id.value() + "@belleville-sur-loire.fr";
        }

        /** The claims ProConnect returns for this agent (ID token and userinfo). */
        public Map<String, Object> proConnectClaims() {
            Map<String, Object> claims = new LinkedHashMap<>();
            claims.put("email", email());
            claims.put("given_name", givenName);
            claims.put("usual_name", usualName);
            claims.put("uid", id.value());
            claims.put("siret", COMMUNE_SIRET);
            claims.put("organizational_unit", service);
            return claims;
        }
    }

    public static final List<DemoAgent> AGENTS = List.of(
            new DemoAgent(
                    JEANNE, "b3f1c2a0-pc-jeanne-dupont", "Jeanne", "Dupont", "État civil", Set.of(Commune.ETAT_CIVIL)),
            new DemoAgent(MARC, "5e7d9a41-pc-marc-moreau", "Marc", "Moreau", "Enfance", Set.of(Commune.ENFANCE)),
            new DemoAgent(
                    LINH,
                    "9c2e4f87-pc-linh-nguyen",
                    "Linh",
                    "Nguyen",
                    "Propreté et urbanisme",
                    Set.of(Commune.PROPRETE, Commune.URBANISME)),
            new DemoAgent(
                    ACCUEIL,
                    "0a8b6d13-pc-sophie-lambert",
                    "Sophie",
                    "Lambert",
                    "Accueil",
                    Set.of(Commune.ETAT_CIVIL, Commune.ENFANCE, Commune.PROPRETE, Commune.URBANISME)));

    /** The demo agent of that agent id. */
    public static DemoAgent agent(AgentId id) {
        return AGENTS.stream()
                .filter(a -> a.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no demo agent " + id));
    }

    private DemoPeople() {}

    static UsagerId id(String name) {
        return UsagerId.of(UUID.nameUUIDFromBytes(("opengru-demo:" + name).getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Saves the residents and the household the first time (they are kept in PostgreSQL: a later start must
     * not undo what happened since, such as Claire's identity certified by FranceConnect), and lists the
     * agents in the directory.
     */
    public static void declare(GruCore core, AgentDirectory agents, Instant at) {
        PostalAddress home = PostalAddress.france(List.of("12 rue des Lilas"), "45000", "Belleville-sur-Loire");
        Contact claireContact = new Contact(
                Attested.declared(EmailAddress.parse("claire.martin@example.fr"), at),
                Attested.declared(PhoneNumber.parse("06 12 34 56 78"), at),
                Attested.declared(home, at),
                // She agreed to be told by e-mail: the demo's notifications reach DemoMailServer.
                Set.of(NotificationChannel.EMAIL, NotificationChannel.PORTAL),
                at);
        Person claire = Person.declared(
                        CLAIRE, Commune.TENANT, CLAIRE_FAMILY_NAME, List.of("Claire", "Marie"), claireContact, at)
                .withIdentity(
                        new PivotIdentity(
                                CLAIRE_FAMILY_NAME,
                                List.of("Claire", "Marie"),
                                CLAIRE_BIRTH_DATE,
                                CogCode.parse(CLAIRE_BIRTH_PLACE),
                                CogCode.FRANCE,
                                Gender.FEMALE),
                        Provenance.DECLARED,
                        at,
                        null);
        saveOnce(core, claire);
        saveOnce(core, Person.declared(LEO, Commune.TENANT, "Martin", List.of("Léo"), Contact.none(), at));
        saveOnce(core, Person.declared(THOMAS, Commune.TENANT, "Martin", List.of("Thomas"), Contact.none(), at));
        saveWithPartner(
                core,
                new Household(
                        FOYER_MARTIN,
                        Commune.TENANT,
                        "Foyer Martin",
                        List.of(
                                new HouseholdMember(CLAIRE, HouseholdMember.Relationship.RESPONSIBLE_ADULT, true),
                                new HouseholdMember(THOMAS, HouseholdMember.Relationship.SPOUSE_OR_PARTNER, true),
                                new HouseholdMember(LEO, HouseholdMember.Relationship.CHILD, false)),
                        Contact.none()));
        saveOnce(
                core,
                Person.declared(
                        PAUL,
                        Commune.TENANT,
                        "Durand",
                        List.of("Paul"),
                        new Contact(
                                null, Attested.declared(PhoneNumber.parse("02 38 11 22 33"), at), null, Set.of(), null),
                        at));
        saveOnce(core, Person.declared(AMINA, Commune.TENANT, "Benali", List.of("Amina"), Contact.none(), at));

        for (DemoAgent a : AGENTS) {
            agents.add(new AgentDirectory.Agent(
                    a.id(), a.givenName() + " " + a.usualName() + " (" + a.service() + ")", a.email(), a.teams()));
        }
    }

    /** The household, also when a data folder from before Thomas joined the demo has it without him. */
    private static void saveWithPartner(GruCore core, Household household) {
        boolean stored = core.usagers()
                .find(household.tenant(), household.id())
                .filter(u -> u instanceof Household h
                        && h.members().stream().anyMatch(m -> m.person().equals(THOMAS)))
                .isPresent();
        if (!stored) {
            core.usagers().save(household);
        }
    }

    private static void saveOnce(GruCore core, Usager usager) {
        if (core.usagers().find(usager.tenant(), usager.id()).isEmpty()) {
            core.usagers().save(usager);
        }
    }

    /** The residents an agent may key a request in for, with their names. */
    public static List<UsagerId> residents() {
        return List.of(CLAIRE, THOMAS, LEO, PAUL, AMINA);
    }
}
