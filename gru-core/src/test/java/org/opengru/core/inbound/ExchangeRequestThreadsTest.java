package org.opengru.core.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
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
import org.opengru.core.contact.ContactLog;
import org.opengru.core.exchange.Message;
import org.opengru.core.id.TeamId;
import org.opengru.core.id.UsagerId;
import org.opengru.core.idempotency.IdempotencyKey;
import org.opengru.core.intake.Channel;
import org.opengru.core.principal.Principal;
import org.opengru.core.request.NewRequest;
import org.opengru.core.request.Request;
import org.opengru.core.tenancy.Team;
import org.opengru.core.tenancy.TenantId;
import org.opengru.core.usager.Attested;
import org.opengru.core.usager.Contact;
import org.opengru.core.usager.NotificationChannel;
import org.opengru.core.usager.Person;
import org.opengru.core.value.EmailAddress;
import org.opengru.core.value.PhoneNumber;
import org.opengru.core.value.PostalAddress;

/** A reply threaded into a real gru-core request's message thread. */
class ExchangeRequestThreadsTest {

    static final String TERRACE = """
            {"code": "autorisation-terrasse", "version": 1, "title": "Autorisation de terrasse", "team": "etat-civil",
             "openTo": ["PERSON"], "retention": "P5Y", "implicitDecision": {"decision": "REJECTION"},
             "schema": [{"name": "surface", "label": "Surface (m²)", "type": "NUMBER", "required": true, "min": 1}]}
            """;

    @Test
    void aReplyBecomesTheApplicantsMessageOnceWithItsAttachments() {
        Clock clock = Clock.fixed(Instant.parse("2026-01-15T09:30:00Z"), ZoneOffset.UTC);
        TenantId commune = TenantId.of("commune-69266");
        GruCore core = GruCore.builder().clock(clock).build();
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
        EmailAddress claireMail = EmailAddress.parse("claire.martin@exemple.fr");
        core.usagers()
                .save(Person.declared(
                        claire,
                        commune,
                        "Martin",
                        List.of("Claire"),
                        new Contact(
                                Attested.declared(claireMail, clock.instant()),
                                null,
                                null,
                                Set.of(NotificationChannel.EMAIL),
                                clock.instant()),
                        clock.instant()));
        Principal me = Principal.usager(commune, claire);
        Request draft = core.requests()
                .create(
                        me,
                        NewRequest.of("autorisation-terrasse", claire, Channel.WEB, FormData.of("surface", 12)),
                        null);
        Request sent = core.requests().submit(me, draft.id(), IdempotencyKey.of("submit-" + draft.id()));

        ReplyTokens tokens = new ReplyTokens("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
        InboundMailProcessor processor = InboundMailProcessor.builder(tokens, clock)
                .threads(new ExchangeRequestThreads(core.requests(), core.exchanges(), core.usagers()))
                .contacts(ContactLog.inMemory())
                .screen((tenant, owner, a) ->
                        new AttachmentScreen.Accepted("vault:1", a.fileName(), a.contentType(), a.size()))
                .build();
        InboundMail mail = new InboundMail(
                "<reponse-1@exemple.fr>",
                "Claire Martin <claire.martin@exemple.fr>",
                List.of(tokens.replyAddress(commune, sent.id(), EmailAddress.parse("mairie@villeurbanne.fr"))
                        .value()),
                "Re: votre demande",
                "Voici le plan de la terrasse.",
                List.of(new InboundAttachment("plan.pdf", "application/pdf", new byte[] {37, 80, 68, 70})),
                clock.instant(),
                null,
                null);

        assertThat(processor.process(commune, mail)).isInstanceOf(InboundResult.Threaded.class);
        assertThat(processor.process(commune, mail)).isInstanceOf(InboundResult.Threaded.class);

        List<Message> thread = core.exchanges().thread(me, sent.id());
        assertThat(thread).singleElement().satisfies(m -> {
            assertThat(m.body()).isEqualTo("Voici le plan de la terrasse.");
            assertThat(m.channel()).isEqualTo(Channel.EMAIL);
            assertThat(m.author()).isEqualTo(me.ref());
            assertThat(m.attachments())
                    .singleElement()
                    .satisfies(a -> assertThat(a.documentRef()).isEqualTo("vault:1"));
        });
    }
}
