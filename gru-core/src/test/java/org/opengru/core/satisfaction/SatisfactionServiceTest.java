package org.opengru.core.satisfaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opengru.core.error.AccessDeniedException;
import org.opengru.core.error.AlreadyExistsException;
import org.opengru.core.error.IllegalTransitionException;
import org.opengru.core.error.ValidationException;
import org.opengru.core.id.IdGenerator;
import org.opengru.core.id.UsagerId;
import org.opengru.core.intake.Channel;
import org.opengru.core.principal.Principal;
import org.opengru.core.principal.UsagerPrincipal;
import org.opengru.core.tenancy.TenantId;
import org.opengru.core.testing.MutableClock;

class SatisfactionServiceTest {

    static final TenantId T = TenantId.of("commune-test");
    final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:00Z"));
    final SatisfactionService surveys = new SatisfactionService(
            SatisfactionStore.inMemory(), clock, IdGenerator.create(clock), Duration.ofDays(30));
    final UsagerId lea = UsagerId.of(UUID.randomUUID());
    final UsagerPrincipal leaPrincipal = Principal.usager(T, lea);

    @Test
    void oneQuestionOnceAggregatedPerProcedureAndChannelWithoutPersonalData() {
        SurveyInvitation i = surveys.invite(T, lea, SurveyOccasion.REQUEST_DECIDED, "req-1", "ETAT_CIVIL", Channel.WEB);
        assertThat(surveys.invite(T, lea, SurveyOccasion.REQUEST_DECIDED, "req-1", "ETAT_CIVIL", Channel.WEB))
                .isNull();
        surveys.answer(leaPrincipal, i.id(), 4, "  Rapide, merci ; très \"clair\"  ");
        SurveyInvitation j =
                surveys.invite(T, lea, SurveyOccasion.APPOINTMENT_ATTENDED, "rdv-9", "ETAT_CIVIL", Channel.COUNTER);
        surveys.answer(leaPrincipal, j.id(), 2, null);

        String csv = surveys.csv(
                T, clock.instant().minus(Duration.ofDays(1)), clock.instant().plusSeconds(1));
        assertThat(csv)
                .isEqualTo("procedure;channel;responses;mean;score_1;score_2;score_3;score_4;score_5\n"
                        + "ETAT_CIVIL;COUNTER;1;2.00;0;1;0;0;0\n"
                        + "ETAT_CIVIL;WEB;1;4.00;0;0;0;1;0\n");
        assertThat(csv).doesNotContain(lea.toString(), "Rapide");
    }

    @Test
    void theInvitationReachesTheUsagerOnce() {
        var outbox = org.opengru.core.outbox.Outbox.inMemory(
                clock, java.util.Set.of(org.opengru.core.notification.NotificationService.SUBSCRIBER));
        var inbox = org.opengru.core.notification.inbox.InboxStore.inMemory();
        var notifications = org.opengru.core.notification.NotificationService.builder(clock, outbox)
                .sender(new org.opengru.core.notification.inbox.InAppSender(inbox))
                .build();
        SurveyInvitation i =
                surveys.invite(T, lea, SurveyOccasion.APPOINTMENT_ATTENDED, "rdv-1", "CNI", Channel.COUNTER);
        surveys.notify(notifications, i, "https://portail/avis/");
        surveys.notify(notifications, i, "https://portail/avis/");
        org.opengru.core.outbox.OutboxRelay.builder(outbox, clock)
                .subscriber(notifications.subscriber())
                .build()
                .drain();
        notifications.drain(5);
        assertThat(inbox.page(T, lea, null, 10))
                .singleElement()
                .satisfies(item -> assertThat(item.body()).contains("https://portail/avis/" + i.id()));
    }

    @Test
    void badAnswersAreRefused() {
        SurveyInvitation i = surveys.invite(T, lea, SurveyOccasion.REQUEST_DECIDED, "req-2", "CANTINE", Channel.WEB);
        assertThatThrownBy(() -> surveys.answer(leaPrincipal, i.id(), 6, null))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("survey.score");
        assertThatThrownBy(() -> surveys.answer(leaPrincipal, i.id(), 3, "x".repeat(2001)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("survey.comment");
        UsagerPrincipal other = Principal.usager(T, UsagerId.of(UUID.randomUUID()));
        assertThatThrownBy(() -> surveys.answer(other, i.id(), 3, null)).isInstanceOf(AccessDeniedException.class);
        surveys.answer(leaPrincipal, i.id(), 5, null);
        assertThatThrownBy(() -> surveys.answer(leaPrincipal, i.id(), 1, null))
                .isInstanceOf(AlreadyExistsException.class);
        SurveyInvitation late = surveys.invite(T, lea, SurveyOccasion.REQUEST_DECIDED, "req-3", "CANTINE", Channel.WEB);
        clock.advance(Duration.ofDays(31));
        assertThatThrownBy(() -> surveys.answer(leaPrincipal, late.id(), 3, null))
                .isInstanceOf(IllegalTransitionException.class);
    }
}
