package org.opengru.examples.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opengru.core.GruCore;
import org.opengru.core.catalogue.FormData;
import org.opengru.core.id.AgentId;
import org.opengru.core.id.UsagerId;
import org.opengru.core.idempotency.IdempotencyKey;
import org.opengru.core.intake.Channel;
import org.opengru.core.principal.AgentPrincipal;
import org.opengru.core.principal.Principal;
import org.opengru.core.principal.UsagerPrincipal;
import org.opengru.core.request.ActionInput;
import org.opengru.core.request.NewRequest;
import org.opengru.core.request.Request;
import org.opengru.core.usager.Contact;
import org.opengru.core.usager.Person;
import org.opengru.examples.portal.agent.KeyInResidents;
import org.opengru.examples.portal.commune.Commune;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Without the demo's list, the key-in form lists the residents known to the agent's teams (the applicants of
 * their requests), read with the agent's own rights: never another team's.
 */
class KeyInResidentsTest extends RunningPortal {

    @Autowired
    GruCore core;

    @Autowired
    ApplicationContext context;

    @Test
    void thePortalsOwnListHoldsTheResidentsOfTheAgentsTeamsRequestsOnly() {
        KeyInResidents portals = context.getBean("teamsResidents", KeyInResidents.class);
        UsagerId resident = UsagerId.of(UUID.randomUUID());
        core.usagers()
                .save(Person.declared(
                        resident,
                        Commune.TENANT,
                        "Saisie",
                        List.of("Rose"),
                        Contact.none(),
                        core.clock().instant()));
        UsagerPrincipal rose = Principal.usager(Commune.TENANT, resident);
        FormData data =
                FormData.of("typeActe", "naissance", "nomPersonne", "Rose Saisie", "dateEvenement", "1990-01-02");
        Request draft = core.requests()
                .create(
                        rose,
                        NewRequest.of(Commune.ACTE_ETAT_CIVIL, resident, Channel.WEB, data),
                        IdempotencyKey.of("key-in-residents-" + resident));
        core.requests().edit(rose, draft.id(), ActionInput.content(data, List.of()), null);
        core.requests().submit(rose, draft.id(), null);

        AgentPrincipal etatCivil =
                Principal.agent(Commune.TENANT, AgentId.of("agent-etat-civil"), Set.of(Commune.ETAT_CIVIL));
        AgentPrincipal enfance = Principal.agent(Commune.TENANT, AgentId.of("agent-enfance"), Set.of(Commune.ENFANCE));
        assertThat(portals.forAgent(etatCivil)).contains(resident).doesNotHaveDuplicates();
        assertThat(portals.forAgent(enfance)).doesNotContain(resident);
    }
}
