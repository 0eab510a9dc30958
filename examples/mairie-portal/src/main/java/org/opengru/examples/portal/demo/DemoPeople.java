package org.opengru.examples.portal.demo;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.opengru.core.GruCore;
import org.opengru.core.id.AgentId;
import org.opengru.core.id.UsagerId;
import org.opengru.core.usager.Attested;
import org.opengru.core.usager.Contact;
import org.opengru.core.usager.Gender;
import org.opengru.core.usager.Household;
import org.opengru.core.usager.HouseholdMember;
import org.opengru.core.usager.Person;
import org.opengru.core.usager.PivotIdentity;
import org.opengru.core.usager.Provenance;
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

    private DemoPeople() {}

    static UsagerId id(String name) {
        return UsagerId.of(UUID.nameUUIDFromBytes(("opengru-demo:" + name).getBytes(StandardCharsets.UTF_8)));
    }

    /** Saves the residents and the household, and lists the agents in the directory. */
    public static void declare(GruCore core, AgentDirectory agents, Instant at) {
        PostalAddress home = PostalAddress.france(List.of("12 rue des Lilas"), "45000", "Belleville-sur-Loire");
        Contact claireContact = new Contact(
                Attested.declared(EmailAddress.parse("claire.martin@example.fr"), at),
                Attested.declared(PhoneNumber.parse("06 12 34 56 78"), at),
                Attested.declared(home, at),
                Set.of(),
                null);
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
        core.usagers().save(claire);
        core.usagers().save(Person.declared(LEO, Commune.TENANT, "Martin", List.of("Léo"), Contact.none(), at));
        core.usagers().save(Person.declared(THOMAS, Commune.TENANT, "Martin", List.of("Thomas"), Contact.none(), at));
        core.usagers()
                .save(new Household(
                        FOYER_MARTIN,
                        Commune.TENANT,
                        "Foyer Martin",
                        List.of(
                                new HouseholdMember(CLAIRE, HouseholdMember.Relationship.RESPONSIBLE_ADULT, true),
                                new HouseholdMember(THOMAS, HouseholdMember.Relationship.SPOUSE_OR_PARTNER, true),
                                new HouseholdMember(LEO, HouseholdMember.Relationship.CHILD, false)),
                        Contact.none()));
        core.usagers()
                .save(Person.declared(
                        PAUL,
                        Commune.TENANT,
                        "Durand",
                        List.of("Paul"),
                        new Contact(
                                null, Attested.declared(PhoneNumber.parse("02 38 11 22 33"), at), null, Set.of(), null),
                        at));
        core.usagers().save(Person.declared(AMINA, Commune.TENANT, "Benali", List.of("Amina"), Contact.none(), at));

        agents.add(new AgentDirectory.Agent(JEANNE, "Jeanne Dupont (état civil)", Set.of(Commune.ETAT_CIVIL)));
        agents.add(new AgentDirectory.Agent(MARC, "Marc Moreau (enfance)", Set.of(Commune.ENFANCE)));
        agents.add(new AgentDirectory.Agent(
                LINH, "Linh Nguyen (propreté, urbanisme)", Set.of(Commune.PROPRETE, Commune.URBANISME)));
        agents.add(new AgentDirectory.Agent(
                ACCUEIL,
                "Sophie Lambert (accueil, toutes équipes)",
                Set.of(Commune.ETAT_CIVIL, Commune.ENFANCE, Commune.PROPRETE, Commune.URBANISME)));
    }

    /** The residents an agent may key a request in for, with their names. */
    public static List<UsagerId> residents() {
        return List.of(CLAIRE, THOMAS, LEO, PAUL, AMINA);
    }
}
