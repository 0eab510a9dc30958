package org.opengru.core.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
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
import org.opengru.core.tenancy.TenantId;
import org.opengru.core.testing.MutableClock;

class ContactServiceTest {

    static final TenantId T = TenantId.of("commune-test");
    final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:00Z"));
    final ContactLog log = ContactLog.inMemory();
    final ContactService contacts = new ContactService(log, clock, IdGenerator.create(clock));
    final AgentPrincipal agent = Principal.agent(T, AgentId.of("jdupont"), Set.of(TeamId.of("accueil")));
    final UsagerId usager = UsagerId.of(UUID.randomUUID());
    final RequestId request = RequestId.of(UUID.randomUUID());

    @Test
    void phoneCallsCounterVisitsAndLettersFeedTheUsagersView() {
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
