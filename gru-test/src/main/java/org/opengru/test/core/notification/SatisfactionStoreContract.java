package org.opengru.test.core.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opengru.core.id.UsagerId;
import org.opengru.core.intake.Channel;
import org.opengru.core.satisfaction.SatisfactionAggregate;
import org.opengru.core.satisfaction.SatisfactionStore;
import org.opengru.core.satisfaction.SurveyInvitation;
import org.opengru.core.satisfaction.SurveyOccasion;
import org.opengru.core.satisfaction.SurveyResponse;
import org.opengru.core.tenancy.TenantId;

/** The contract of the {@link SatisfactionStore} port. */
public abstract class SatisfactionStoreContract {

    protected static final TenantId TENANT = TenantId.of("commune-survey");
    protected static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    protected abstract SatisfactionStore newStore();

    private static SurveyInvitation invitation(String subject, String procedure, Channel channel) {
        return new SurveyInvitation(
                UUID.randomUUID(),
                TENANT,
                UsagerId.of(UUID.randomUUID()),
                SurveyOccasion.REQUEST_DECIDED,
                subject,
                procedure,
                channel,
                T0,
                T0.plusSeconds(30 * 86400));
    }

    private static SurveyResponse answer(SurveyInvitation i, int score, Instant at) {
        return new SurveyResponse(i.id(), i.tenant(), i.occasion(), i.procedureCode(), i.channel(), score, "ok", at);
    }

    @Test
    void oneInvitationPerSubjectAndOneAnswerPerInvitation() {
        SatisfactionStore store = newStore();
        SurveyInvitation i = invitation("req-1", "ETAT_CIVIL", Channel.WEB);
        assertThat(store.invite(i)).isTrue();
        assertThat(store.invite(invitation("req-1", "ETAT_CIVIL", Channel.WEB))).isFalse();
        assertThat(store.invitation(TENANT, i.id())).contains(i);
        assertThat(store.invitation(TenantId.of("commune-other"), i.id())).isEmpty();
        assertThat(store.answer(answer(i, 4, T0.plusSeconds(60)))).isTrue();
        assertThat(store.answer(answer(i, 1, T0.plusSeconds(90)))).isFalse();
    }

    @Test
    void aggregatesPerProcedureAndChannelWithinThePeriod() {
        SatisfactionStore store = newStore();
        int n = 0;
        int[][] plan = {{5, 0}, {4, 0}, {2, 1}, {5, 1}, {3, 2}};
        for (int[] p : plan) {
            Channel channel = p[1] == 1 ? Channel.COUNTER : Channel.WEB;
            String procedure = p[1] == 2 ? "CANTINE" : "ETAT_CIVIL";
            SurveyInvitation i = invitation("req-" + n++, procedure, channel);
            store.invite(i);
            store.answer(answer(i, p[0], T0.plusSeconds(60)));
        }
        SurveyInvitation late = invitation("req-late", "ETAT_CIVIL", Channel.WEB);
        store.invite(late);
        store.answer(answer(late, 1, T0.plusSeconds(40 * 86400)));

        var aggregates = store.aggregate(TENANT, T0, T0.plusSeconds(86400));
        assertThat(aggregates)
                .extracting(
                        SatisfactionAggregate::procedureCode,
                        SatisfactionAggregate::channel,
                        SatisfactionAggregate::responses)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("CANTINE", Channel.WEB, 1L),
                        org.assertj.core.groups.Tuple.tuple("ETAT_CIVIL", Channel.COUNTER, 2L),
                        org.assertj.core.groups.Tuple.tuple("ETAT_CIVIL", Channel.WEB, 2L));
        assertThat(aggregates.get(2).mean()).isEqualTo(4.5);
        assertThat(aggregates.get(1).distribution()).containsExactly(0, 1, 0, 0, 1);
        assertThat(store.aggregate(TenantId.of("commune-other"), T0, T0.plusSeconds(86400)))
                .isEmpty();
    }
}
