package org.opengru.core.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opengru.core.GruCore;
import org.opengru.core.catalogue.FormData;
import org.opengru.core.catalogue.Procedure;
import org.opengru.core.catalogue.ProcedureDefinitions;
import org.opengru.core.id.TeamId;
import org.opengru.core.id.UsagerId;
import org.opengru.core.idempotency.IdempotencyKey;
import org.opengru.core.intake.Channel;
import org.opengru.core.principal.Principal;
import org.opengru.core.request.NewRequest;
import org.opengru.core.request.Request;
import org.opengru.core.request.RequestStatus;
import org.opengru.core.tenancy.Team;
import org.opengru.core.tenancy.TenantId;
import org.opengru.core.usager.Contact;
import org.opengru.core.usager.Person;
import org.opengru.core.value.EmailAddress;
import org.opengru.core.value.PhoneNumber;
import org.opengru.core.value.PostalAddress;

/** The plain-Java embedding example of docs/core.md: the lines between the tags are shown there (DocSnippetsTest). */
class EmbeddingExampleTest {

    static final String TERRACE = """
            {"code": "autorisation-terrasse", "version": 1, "title": "Autorisation de terrasse", "team": "etat-civil",
             "openTo": ["PERSON"], "retention": "P5Y", "implicitDecision": {"decision": "REJECTION"},
             "schema": [{"name": "surface", "label": "Surface (m²)", "type": "NUMBER", "required": true, "min": 1}]}
            """;

    static Request embed(Clock clock) {
        TenantId commune = TenantId.of("commune-69266");
        Team team = new Team(
                commune,
                TeamId.of("etat-civil"),
                "Service État civil",
                PostalAddress.france(List.of("Place Lazare-Goujon"), "69100", "Villeurbanne"),
                EmailAddress.parse("etat-civil@mairie-villeurbanne.fr"),
                PhoneNumber.parse("04 78 03 67 67"));
        Procedure terrace = new ProcedureDefinitions().fromJson(TERRACE);
        Instant now = clock.instant();
        // tag::embedding[]
        GruCore core = GruCore.builder().clock(clock).build(); // in-memory stores by default
        core.teams().save(team);
        core.procedures().define(commune, terrace);
        UsagerId claire = core.ids().newUsagerId();
        core.usagers().save(Person.declared(claire, commune, "Martin", List.of("Claire"), Contact.none(), now));
        Principal me = Principal.usager(commune, claire);
        var form = NewRequest.of("autorisation-terrasse", claire, Channel.WEB, FormData.of("surface", 12));
        Request draft = core.requests().create(me, form, null);
        Request sent = core.requests().submit(me, draft.id(), IdempotencyKey.of("submit-" + draft.id()));
        System.out.println(sent.reference() + "\n" + sent.acknowledgment().text());
        // end::embedding[]
        return sent;
    }

    @Test
    void theDocumentedExampleRuns() {
        Request sent = embed(Clock.fixed(Instant.parse("2026-01-15T09:30:00Z"), ZoneOffset.UTC));
        assertThat(sent.status()).isEqualTo(RequestStatus.SUBMITTED);
        assertThat(sent.acknowledgment().text()).contains("réputée rejetée le 15 mars 2026");
    }
}
