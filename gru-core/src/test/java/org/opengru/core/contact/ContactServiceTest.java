package org.opengru.core.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opengru.core.error.IllegalTransitionException;
import org.opengru.core.error.NotFoundException;
import org.opengru.core.error.ValidationException;
import org.opengru.core.id.AgentId;
import org.opengru.core.id.IdGenerator;
import org.opengru.core.id.RequestId;
import org.opengru.core.id.TeamId;
import org.opengru.core.id.UsagerId;
import org.opengru.core.intake.Channel;
import org.opengru.core.principal.AgentPrincipal;
import org.opengru.core.principal.Principal;
import org.opengru.core.request.NewRequest;
import org.opengru.core.tenancy.TenantId;
import org.opengru.core.testing.CoreFixture;
import org.opengru.core.testing.MutableClock;

class ContactServiceTest {

    final CoreFixture f = new CoreFixture();
    final TenantId T = f.tenant;
    final MutableClock clock = f.clock;
    final ContactLog log = ContactLog.inMemory();
    final ContactService contacts =
            new ContactService(log, f.core.requestStore(), f.core.usagers(), clock, IdGenerator.create(clock));
    final AgentPrincipal agent = Principal.agent(T, AgentId.of("jdupont"), Set.of(TeamId.of("accueil")));
    final UsagerId usager = f.parent;
    final RequestId request = f.core.requests()
            .create(
                    f.parentP,
                    NewRequest.of("inscription-cantine", f.child, Channel.WEB, CoreFixture.canteenData())
                            .withPieces(CoreFixture.canteenPieces()),
                    null)
            .id();

    @Test
    void phoneCallsCounterVisitsAndLettersFeedTheUsagersView() {
        // tag::record[]
        contacts.record(
                agent,
                new ContactService.Entry(
                        Channel.PHONE,
                        Direction.INBOUND,
                        usager,
                        request,
                        "Appel",
                        "Demande où en est son dossier",
                        clock.instant().minus(Duration.ofMinutes(5))));
        // end::record[]
        contacts.record(
                agent,
                new ContactService.Entry(
                        Channel.COUNTER,
                        Direction.INBOUND,
                        usager,
                        null,
                        "Visite",
                        "Dépôt d'un justificatif papier",
                        clock.instant().minus(Duration.ofMinutes(2))));
        contacts.record(
                agent,
                new ContactService.Entry(
                        Channel.POSTAL_MAIL,
                        Direction.OUTBOUND,
                        usager,
                        request,
                        "Courrier",
                        "Envoi de l'arrêté",
                        clock.instant()));
        assertThat(contacts.ofUsager(T, usager, null, 10))
                .extracting(ContactRecord::channel)
                .containsExactly(Channel.POSTAL_MAIL, Channel.COUNTER, Channel.PHONE);
        assertThat(log.byRequest(T, request)).hasSize(2);
        assertThat(contacts.ofUsager(T, usager, null, 10).get(0).recordedBy()).isEqualTo(AgentId.of("jdupont"));
    }

    @Test
    void badContactsAreRefusedAndNothingIsStored() {
        assertThatThrownBy(() -> contacts.record(
                        agent,
                        new ContactService.Entry(
                                Channel.WEB, Direction.INBOUND, usager, null, "x", "y", clock.instant())))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("contact.channel");
        assertThatThrownBy(() -> contacts.record(
                        agent,
                        new ContactService.Entry(
                                Channel.PHONE, Direction.INBOUND, null, null, "x", "y", clock.instant())))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("contact.usager");
        assertThatThrownBy(() -> contacts.record(
                        agent,
                        new ContactService.Entry(
                                Channel.PHONE,
                                Direction.INBOUND,
                                usager,
                                null,
                                "x",
                                "y",
                                clock.instant().plus(Duration.ofDays(1)))))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("contact.occurredAt");
        assertThatThrownBy(() -> contacts.record(
                        agent,
                        new ContactService.Entry(
                                Channel.PHONE, Direction.INBOUND, usager, null, " ", "y", clock.instant())))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("contact.subject");
        assertThat(contacts.ofUsager(T, usager, null, 10)).isEmpty();
    }

    @Test
    void aContactNamesOnlyARequestOrAnUsagerOfTheAgentsCollectivite() {
        RequestId unknown = RequestId.of(UUID.randomUUID());
        assertThatThrownBy(() -> contacts.record(
                        agent,
                        new ContactService.Entry(
                                Channel.PHONE, Direction.INBOUND, null, unknown, "Appel", "y", clock.instant())))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> contacts.record(
                        agent,
                        new ContactService.Entry(
                                Channel.PHONE,
                                Direction.INBOUND,
                                UsagerId.of(UUID.randomUUID()),
                                null,
                                "Appel",
                                "y",
                                clock.instant())))
                .isInstanceOf(NotFoundException.class);
        // The same request, seen from another collectivité, does not exist.
        AgentPrincipal elsewhere = Principal.agent(TenantId.of("commune-voisine"), AgentId.of("x"), Set.of());
        assertThatThrownBy(() -> contacts.record(
                        elsewhere,
                        new ContactService.Entry(
                                Channel.PHONE, Direction.INBOUND, null, request, "Appel", "y", clock.instant())))
                .isInstanceOf(NotFoundException.class);
        assertThat(log.byRequest(T, request)).isEmpty();
        assertThat(log.byRequest(elsewhere.tenant(), request)).isEmpty();

        // Named by its request only, a contact is filed under the request's applicant.
        ContactRecord c = contacts.record(
                agent,
                new ContactService.Entry(
                        Channel.PHONE, Direction.INBOUND, null, request, "Appel", "y", clock.instant()));
        assertThat(c.usager())
                .isEqualTo(f.core.requestStore().find(T, request).orElseThrow().applicant());
    }

    @Test
    void triageLinksAnUnthreadedMailOnceAndStaysInTheTenant() {
        ContactRecord mail = log.add(new ContactRecord(
                ContactId.of(UUID.randomUUID()),
                T,
                null,
                null,
                Channel.EMAIL,
                Direction.INBOUND,
                "Question",
                "Bonjour",
                null,
                clock.instant(),
                clock.instant(),
                ContactStatus.TO_TRIAGE,
                "no reply token",
                List.of(),
                "<q@x>"));
        ContactRecord t = contacts.triage(agent, mail.id(), usager, request);
        assertThat(t.status()).isEqualTo(ContactStatus.TRIAGED);
        assertThat(t.usager()).isEqualTo(usager);
        assertThat(contacts.toTriage(T, 10)).isEmpty();
        assertThatThrownBy(() -> contacts.triage(agent, mail.id(), usager, null))
                .isInstanceOf(IllegalTransitionException.class);
        AgentPrincipal stranger = Principal.agent(TenantId.of("commune-voisine"), AgentId.of("x"), Set.of());
        assertThatThrownBy(() -> contacts.triage(stranger, mail.id(), usager, null))
                .isInstanceOf(NotFoundException.class);
    }
}
