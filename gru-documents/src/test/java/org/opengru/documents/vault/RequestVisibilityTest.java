package org.opengru.documents.vault;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opengru.core.GruCore;
import org.opengru.core.catalogue.FormData;
import org.opengru.core.catalogue.Procedure;
import org.opengru.core.catalogue.ProcedureDefinitions;
import org.opengru.core.id.AgentId;
import org.opengru.core.id.RequestId;
import org.opengru.core.id.TeamId;
import org.opengru.core.id.UsagerId;
import org.opengru.core.idempotency.IdempotencyKey;
import org.opengru.core.intake.Channel;
import org.opengru.core.principal.Principal;
import org.opengru.core.request.NewRequest;
import org.opengru.core.request.Request;
import org.opengru.core.tenancy.Team;
import org.opengru.core.tenancy.TenantId;
import org.opengru.core.usager.Contact;
import org.opengru.core.usager.Person;
import org.opengru.core.value.EmailAddress;
import org.opengru.core.value.PhoneNumber;
import org.opengru.core.value.PostalAddress;

/** Agents see a request's documents exactly when gru-core's access policy lets them read the request. */
class RequestVisibilityTest {

    static final String TERRACE = """
            {"code": "autorisation-terrasse", "version": 1, "title": "Autorisation de terrasse", "team": "etat-civil",
             "openTo": ["PERSON"], "retention": "P5Y", "implicitDecision": {"decision": "REJECTION"},
             "schema": [{"name": "surface", "label": "Surface (m²)", "type": "NUMBER", "required": true, "min": 1}]}
            """;

    private final Clock clock = Clock.fixed(Instant.parse("2026-01-15T09:30:00Z"), ZoneOffset.UTC);
    private final TenantId commune = TenantId.of("commune-69266");
    private final GruCore core = GruCore.builder().clock(clock).build();

    @Test
    void onlyAnAgentOfTheRoutedTeamInTheSameCollectiviteSeesTheRequest() {
        Request sent = submittedRequest();
        RequestVisibility visibility = RequestVisibility.of(core.requestStore(), core.accessPolicy());

        var etatCivil = Principal.agent(commune, AgentId.of("jdupont"), Set.of(TeamId.of("etat-civil")));
        var urbanisme = Principal.agent(commune, AgentId.of("mleroy"), Set.of(TeamId.of("urbanisme")));
        var otherCommune =
                Principal.agent(TenantId.of("commune-75056"), AgentId.of("jdupont"), Set.of(TeamId.of("etat-civil")));

        assertThat(visibility.maySee(etatCivil, sent.id())).isTrue();
        assertThat(visibility.maySee(urbanisme, sent.id())).isFalse();
        assertThat(visibility.maySee(otherCommune, sent.id())).isFalse();
        assertThat(visibility.maySee(etatCivil, RequestId.of(core.ids().nextUuid())))
                .isFalse();
    }

    private Request submittedRequest() {
        core.teams()
                .save(new Team(
                        commune,
                        TeamId.of("etat-civil"),
                        "Service État civil",
                        PostalAddress.france(List.of("Place Lazare-Goujon"), "69100", "Villeurbanne"),
                        EmailAddress.parse("etat-civil@mairie-villeurbanne.fr"),
                        PhoneNumber.parse("04 78 03 67 67")));
        Procedure terrace = new ProcedureDefinitions().fromJson(TERRACE);
        core.procedures().define(commune, terrace);
        UsagerId claire = core.ids().newUsagerId();
        core.usagers()
                .save(Person.declared(claire, commune, "Martin", List.of("Claire"), Contact.none(), clock.instant()));
        Principal me = Principal.usager(commune, claire);
        var form = NewRequest.of("autorisation-terrasse", claire, Channel.WEB, FormData.of("surface", 12));
        Request draft = core.requests().create(me, form, null);
        return core.requests().submit(me, draft.id(), IdempotencyKey.of("submit-" + draft.id()));
    }
}
