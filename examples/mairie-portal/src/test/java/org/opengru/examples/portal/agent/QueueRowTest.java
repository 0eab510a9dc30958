package org.opengru.examples.portal.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.opengru.core.catalogue.FormData;
import org.opengru.core.catalogue.ImplicitDecision;
import org.opengru.core.catalogue.ProcedureCode;
import org.opengru.core.catalogue.ProcedureRef;
import org.opengru.core.deadline.ImplicitDeadline;
import org.opengru.core.id.AgentId;
import org.opengru.core.id.ReferenceGenerator;
import org.opengru.core.id.ReferenceSequence;
import org.opengru.core.id.RequestId;
import org.opengru.core.id.UsagerId;
import org.opengru.core.intake.Channel;
import org.opengru.core.intake.Intake;
import org.opengru.core.principal.ActorKind;
import org.opengru.core.principal.ActorRef;
import org.opengru.core.principal.AgentPrincipal;
import org.opengru.core.principal.Principal;
import org.opengru.core.request.Decision;
import org.opengru.core.request.Request;
import org.opengru.core.request.RequestStatus;
import org.opengru.examples.portal.commune.Commune;

/** The queue's deadline words: overdue and due within seven days said in text, days left counted by date. */
class QueueRowTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final LocalDate DATE = LocalDate.of(2026, 6, 30);
    private static final AgentPrincipal MARC =
            Principal.agent(Commune.TENANT, AgentId.of("marc.moreau"), Set.of(Commune.ENFANCE));
    private static final AgentId JEANNE = AgentId.of("jeanne.dupont");
    /** The commune's directory, as {@code Labels#agent} reads it. */
    private static final Function<AgentId, String> NAMES =
            id -> id.equals(JEANNE) ? "Jeanne Dupont (État civil)" : "un agent de la mairie";

    private Request due() {
        Instant dueAt = DATE.plusDays(1).atStartOfDay(PARIS).toInstant();
        Instant at = DATE.minusMonths(2).atStartOfDay(PARIS).toInstant();
        return new Request(
                RequestId.of(UUID.randomUUID()),
                Commune.TENANT,
                ReferenceGenerator.fromSequence(ReferenceSequence.inMemory()).next(Commune.TENANT),
                new ProcedureRef(ProcedureCode.of(Commune.CANTINE), 1),
                Commune.ENFANCE,
                UsagerId.of(UUID.randomUUID()),
                null,
                new ActorRef(ActorKind.USAGER, "claire"),
                Intake.selfService(Channel.WEB),
                RequestStatus.SUBMITTED,
                FormData.empty(),
                List.of(),
                2,
                at,
                at,
                at,
                new ImplicitDeadline(ImplicitDecision.ACCEPTANCE, DATE, dueAt, null, false),
                null,
                null,
                null,
                null);
    }

    private static Instant noon(LocalDate day) {
        return day.atTime(12, 0).atZone(PARIS).toInstant();
    }

    @Test
    void farAwayIsNeitherOverdueNorSoon() {
        QueueRow row = QueueRow.of(due(), DATE.minusDays(20), noon(DATE.minusDays(20)), MARC, NAMES);
        assertThat(row.overdue()).isFalse();
        assertThat(row.dueSoon()).isFalse();
        assertThat(row.daysLeft()).isEqualTo("20 jours restants");
        assertThat(row.decisionDate()).isEqualTo(DATE);
        assertThat(row.canTake()).isTrue();
    }

    @Test
    void withinSevenDaysIsSoon_theLastDayIncluded() {
        QueueRow week = QueueRow.of(due(), DATE.minusDays(7), noon(DATE.minusDays(7)), MARC, NAMES);
        assertThat(week.dueSoon()).isTrue();
        assertThat(week.overdue()).isFalse();
        QueueRow last = QueueRow.of(due(), DATE, noon(DATE), MARC, NAMES);
        assertThat(last.dueSoon()).isTrue();
        assertThat(last.daysLeft()).isEqualTo("dernier jour");
        assertThat(QueueRow.of(due(), DATE.minusDays(8), noon(DATE.minusDays(8)), MARC, NAMES)
                        .dueSoon())
                .isFalse();
    }

    @Test
    void pastTheDateIsOverdue() {
        QueueRow row = QueueRow.of(due(), DATE.plusDays(3), noon(DATE.plusDays(3)), MARC, NAMES);
        assertThat(row.overdue()).isTrue();
        assertThat(row.dueSoon()).isFalse();
        assertThat(row.daysLeft()).isEqualTo("dépassée de 3 jours");
    }

    @Test
    void aClosedRequestShowsNoDeadline_andOnesOwnIsNotTakenAgain() {
        Request r = due();
        Request decided = r.toBuilder()
                .status(RequestStatus.ACCEPTED)
                .decision(new Decision(RequestStatus.ACCEPTED, false, null, Instant.EPOCH, MARC.ref()))
                .deadline(null)
                .build();
        QueueRow closed = QueueRow.of(decided, DATE, noon(DATE), MARC, NAMES);
        assertThat(closed.decisionDate()).isNull();
        assertThat(closed.canTake()).isFalse();
        QueueRow mine = QueueRow.of(r.toBuilder().assignee(MARC.agent()).build(), DATE, noon(DATE), MARC, NAMES);
        assertThat(mine.assignee()).isEqualTo("Vous");
        assertThat(mine.canTake()).isFalse();
        QueueRow hers = QueueRow.of(r.toBuilder().assignee(JEANNE).build(), DATE, noon(DATE), MARC, NAMES);
        assertThat(hers.assignee()).as("named by the commune's directory").isEqualTo("Jeanne Dupont (État civil)");
    }
}
