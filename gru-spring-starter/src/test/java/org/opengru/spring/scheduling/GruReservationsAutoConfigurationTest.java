package org.opengru.spring.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opengru.core.id.AgentId;
import org.opengru.core.id.TeamId;
import org.opengru.core.job.Job;
import org.opengru.core.principal.Principal;
import org.opengru.core.usager.UsagerStore;
import org.opengru.scheduling.postgres.PostgresRegistrationStore;
import org.opengru.scheduling.postgres.PostgresReservationStore;
import org.opengru.scheduling.registration.RegistrationService;
import org.opengru.scheduling.registration.RegistrationStatus;
import org.opengru.scheduling.registration.RegistrationStore;
import org.opengru.scheduling.registration.SessionId;
import org.opengru.scheduling.reservation.ReservableId;
import org.opengru.scheduling.reservation.ReservationRejectedException;
import org.opengru.scheduling.reservation.ReservationRequest;
import org.opengru.scheduling.reservation.ReservationService;
import org.opengru.scheduling.reservation.ReservationStatus;
import org.opengru.scheduling.reservation.ReservationStore;
import org.opengru.scheduling.reservation.UsagerCategory;
import org.opengru.spring.TestTenant;
import org.opengru.spring.core.GruCoreAutoConfiguration;
import org.opengru.spring.jobs.GruJobContribution;
import org.opengru.spring.storage.GruStorageAutoConfiguration;
import org.opengru.test.postgres.EmbeddedPostgresExtension;
import org.opengru.test.postgres.PostgresDatabase;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

@ExtendWith(EmbeddedPostgresExtension.class)
public class GruReservationsAutoConfigurationTest {

    private static final String ROOM = "gru.tenants.saint-martin.scheduling.reservables.salle-des-fetes.";
    private static final String CAMP = "gru.tenants.saint-martin.scheduling.events.loisirs-mars-s1.";

    public static final String[] RESERVATIONS = {
        ROOM + "name=Salle des fêtes",
        ROOM + "opening.friday=08:00-23:00",
        ROOM + "opening.saturday=08:00-23:00",
        ROOM + "opening.sunday=08:00-20:00",
        ROOM + "min-duration=2h",
        ROOM + "max-duration=3d",
        ROOM + "tariffs.resident.fixed-cents=15000",
        ROOM + "tariffs.non-resident.fixed-cents=30000",
        ROOM + "tariffs.association.fixed-cents=0",
        ROOM + "deposit-cents=50000",
        ROOM + "required-pieces.attestation-assurance=Attestation d'assurance responsabilité civile",
        ROOM + "teams=vie-associative",
        CAMP + "event=centre-loisirs",
        CAMP + "title=Centre de loisirs, semaine du 9 mars",
        CAMP + "starts-at=2026-03-09T09:00",
        CAMP + "cancel-until=2026-03-06T18:00",
        CAMP + "capacity=1",
        CAMP + "price-cents=4500",
        CAMP + "teams=enfance",
    };

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    GruStorageAutoConfiguration.class,
                    GruCoreAutoConfiguration.class,
                    GruReservationsAutoConfiguration.class))
            .withBean(Clock.class, () -> TestTenant.CLOCK)
            .withPropertyValues(TestTenant.PROPERTIES)
            .withPropertyValues(RESERVATIONS);

    /** Saturday 7 March 2026, 10:00 to 22:00 in Paris. */
    public static ReservationRequest saturday(org.opengru.core.id.UsagerId usager, UsagerCategory category) {
        return new ReservationRequest(
                TestTenant.TENANT,
                ReservableId.of("salle-des-fetes"),
                usager,
                category,
                Instant.parse("2026-03-07T09:00:00Z"),
                Instant.parse("2026-03-07T21:00:00Z"),
                Map.of("attestation-assurance", "document-1"));
    }

    @Test
    void aRoomFromThePropertiesIsPricedByKindApprovedByItsTeamAndTakenOnce() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            ReservationService reservations = context.getBean(ReservationService.class);
            ReservationCatalogue catalogue = context.getBean(ReservationCatalogue.class);
            var room = catalogue.reservables(TestTenant.TENANT).get(0);
            assertThat(room.depositCents()).isEqualTo(50_000);
            assertThat(catalogue.pieceName(room, "attestation-assurance"))
                    .isEqualTo("Attestation d'assurance responsabilité civile");
            var resident = TestTenant.resident(context.getBean(UsagerStore.class));
            var r = reservations.request(resident, saturday(resident.usager(), UsagerCategory.RESIDENT));
            assertThat(r.priceCents()).isEqualTo(15_000);
            assertThat(r.status()).isEqualTo(ReservationStatus.REQUESTED);
            var agent = Principal.agent(TestTenant.TENANT, AgentId.of("agent"), Set.of(TeamId.of("vie-associative")));
            assertThat(reservations.approve(agent, r.id()).status()).isEqualTo(ReservationStatus.AWAITING_PAYMENT);
            var other = TestTenant.resident(context.getBean(UsagerStore.class));
            org.assertj.core.api.Assertions.assertThatThrownBy(
                            () -> reservations.request(other, saturday(other.usager(), UsagerCategory.NON_RESIDENT)))
                    .isInstanceOf(ReservationRejectedException.class)
                    .hasMessageContaining("start");
            assertThat(context.getBeansOfType(GruJobContribution.class).values().stream()
                            .flatMap(c -> c.jobs().stream())
                            .map(Job::name))
                    .contains("expire-reservation-holds");
        });
    }

    @Test
    void aSessionFromThePropertiesIsDeclaredAtStartWithItsCapacity() {
        runner.run(context -> {
            RegistrationService registrations = context.getBean(RegistrationService.class);
            var session = registrations.session(TestTenant.TENANT, SessionId.of("loisirs-mars-s1"));
            assertThat(session.capacity()).isEqualTo(1);
            assertThat(session.cancelUntil()).isEqualTo(Instant.parse("2026-03-06T17:00:00Z"));
            var first = TestTenant.resident(context.getBean(UsagerStore.class));
            var second = TestTenant.resident(context.getBean(UsagerStore.class));
            assertThat(registrations
                            .register(first, session.id(), first.usager())
                            .status())
                    .isEqualTo(RegistrationStatus.AWAITING_PAYMENT);
            assertThat(registrations
                            .register(second, session.id(), second.usager())
                            .status())
                    .isEqualTo(RegistrationStatus.WAITING);
        });
    }

    @Test
    void postgresStorageKeepsReservationsAndSessionsForEveryNode(PostgresDatabase db) {
        ApplicationContextRunner node =
                runner.withBean(DataSource.class, db::dataSource).withPropertyValues("gru.storage=jdbc");
        node.run(first -> node.run(second -> {
            assertThat(first.getBean(ReservationStore.class)).isInstanceOf(PostgresReservationStore.class);
            assertThat(first.getBean(RegistrationStore.class)).isInstanceOf(PostgresRegistrationStore.class);
            var resident = TestTenant.resident(first.getBean(UsagerStore.class));
            var r = first.getBean(ReservationService.class)
                    .request(resident, saturday(resident.usager(), UsagerCategory.ASSOCIATION));
            assertThat(second.getBean(ReservationService.class)
                            .find(TestTenant.TENANT, r.id())
                            .priceCents())
                    .isZero();
            // The second node declared the same session again: harmless.
            assertThat(second.getBean(RegistrationService.class)
                            .session(TestTenant.TENANT, SessionId.of("loisirs-mars-s1"))
                            .title())
                    .isEqualTo("Centre de loisirs, semaine du 9 mars");
        }));
    }

    @Test
    void malformedReservablesAndSessionsStopStartupNamingTheProperty() {
        runner.withPropertyValues(ROOM + "opening.monday=8h à midi")
                .run(context -> assertThat(context)
                        .getFailure()
                        .hasStackTraceContaining("reservables[salle-des-fetes].opening[MONDAY]"));
        runner.withPropertyValues(ROOM + "tariffs.famille.fixed-cents=100")
                .run(context -> assertThat(context).hasFailed());
        runner.withPropertyValues(ROOM + "min-duration=4d")
                .run(context -> assertThat(context)
                        .getFailure()
                        .hasStackTraceContaining("gru.tenants.saint-martin.scheduling.reservables.salle-des-fetes: ")
                        .hasStackTraceContaining("maxDuration"));
        runner.withPropertyValues(CAMP + "starts-at=9 mars")
                .run(context ->
                        assertThat(context).getFailure().hasStackTraceContaining("events[loisirs-mars-s1].startsAt"));
        runner.withPropertyValues(CAMP + "cancel-until=2026-03-10T09:00")
                .run(context -> assertThat(context)
                        .getFailure()
                        .hasStackTraceContaining("gru.tenants.saint-martin.scheduling.events.loisirs-mars-s1: ")
                        .hasStackTraceContaining("cancelUntil"));
        runner.withPropertyValues(CAMP + "capacity=0")
                .run(context -> assertThat(context).getFailure().hasStackTraceContaining("capacity"));
    }

    @Test
    void absentWhenGruSchedulingIsNotOnTheClasspath() {
        runner.withClassLoader(new FilteredClassLoader(ReservationService.class))
                .run(context -> assertThat(context).doesNotHaveBean(ReservationService.class));
    }
}
