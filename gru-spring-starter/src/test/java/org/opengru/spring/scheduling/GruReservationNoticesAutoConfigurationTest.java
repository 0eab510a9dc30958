package org.opengru.spring.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opengru.core.id.AgentId;
import org.opengru.core.id.TeamId;
import org.opengru.core.notification.Notification;
import org.opengru.core.notification.NotificationKind;
import org.opengru.core.notification.NotificationService;
import org.opengru.core.outbox.Outbox;
import org.opengru.core.outbox.OutboxRelay;
import org.opengru.core.principal.AgentPrincipal;
import org.opengru.core.principal.Principal;
import org.opengru.core.principal.UsagerPrincipal;
import org.opengru.scheduling.notification.ReservationNotices;
import org.opengru.scheduling.registration.RegistrationService;
import org.opengru.scheduling.registration.SessionId;
import org.opengru.scheduling.reservation.ReservationService;
import org.opengru.scheduling.reservation.UsagerCategory;
import org.opengru.spring.TestTenant;
import org.opengru.spring.core.GruCoreAutoConfiguration;
import org.opengru.spring.core.GruNotificationsAutoConfiguration;
import org.opengru.spring.storage.GruStorageAutoConfiguration;
import org.opengru.test.postgres.EmbeddedPostgresExtension;
import org.opengru.test.postgres.PostgresDatabase;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;

/**
 * With reservations and a {@link NotificationService} of the application, the resident is told in plain
 * French, with no code, when their reservation is approved or refused, a place is offered to them from a
 * waiting list, or a refund is recorded.
 */
@ExtendWith(EmbeddedPostgresExtension.class)
class GruReservationNoticesAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    GruStorageAutoConfiguration.class,
                    GruCoreAutoConfiguration.class,
                    GruNotificationsAutoConfiguration.class,
                    GruReservationsAutoConfiguration.class,
                    GruReservationNoticesAutoConfiguration.class))
            .withBean(Clock.class, () -> TestTenant.CLOCK)
            .withPropertyValues(TestTenant.PROPERTIES)
            .withPropertyValues(GruReservationsAutoConfigurationTest.RESERVATIONS);

    private static final String PORTAL = "gru.tenants.saint-martin.portal-url=https://demarches.saint-martin.fr/";

    private static final AgentPrincipal AGENT = Principal.agent(
            TestTenant.TENANT, AgentId.of("agent"), Set.of(TeamId.of("vie-associative"), TeamId.of("enfance")));

    @Test
    void approvalRefusalOfferAndRefundAreToldInPlainFrench() {
        runner.withUserConfiguration(GruAppointmentNoticesAutoConfigurationTest.Host.class)
                .withPropertyValues(PORTAL)
                .run(GruReservationNoticesAutoConfigurationTest::tellEachChange);
    }

    /** On PostgreSQL the notices come from the outbox (the relay), not from the bus of the node that changed it. */
    @Test
    void onPostgresTheNoticesComeThroughTheOutbox(PostgresDatabase db) {
        runner.withUserConfiguration(GruAppointmentNoticesAutoConfigurationTest.Host.class)
                .withBean(DataSource.class, db::dataSource)
                .withPropertyValues("gru.storage=jdbc", PORTAL)
                .run(context -> {
                    assertThat(context.getBean(Outbox.class).subscribers()).contains(ReservationNotices.SUBSCRIBER);
                    tellEachChange(context);
                });
    }

    private static void tellEachChange(ApplicationContext context) {
        ReservationService reservations = context.getBean(ReservationService.class);
        UsagerPrincipal lea = GruAppointmentNoticesAutoConfigurationTest.residentByEmail(context);
        var approved = reservations.request(
                lea, GruReservationsAutoConfigurationTest.saturday(lea.usager(), UsagerCategory.RESIDENT));
        reservations.approve(AGENT, approved.id());
        assertThat(sent(context)).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(NotificationKind.RESERVATION_APPROVED);
            assertThat(n.message().text())
                    .contains("Votre réservation est acceptée : Salle des fêtes, samedi 7 mars 2026 à 10h00")
                    .contains("Montant à payer : 150,00 €")
                    .contains("https://demarches.saint-martin.fr/reservations/" + approved.id());
        });

        reservations.confirmPayment(TestTenant.TENANT, approved.id(), "payfip-1");
        reservations.cancel(lea, approved.id(), null);
        reservations.recordRefund(AGENT, approved.id(), "mandat-42");
        assertThat(sent(context)).last().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(NotificationKind.REFUND_RECORDED);
            assertThat(n.message().text())
                    .contains("Le comptable public vous a remboursé 150,00 € pour la réservation"
                            + " de Salle des fêtes");
        });

        UsagerPrincipal paul = GruAppointmentNoticesAutoConfigurationTest.residentByEmail(context);
        var refused = reservations.request(
                paul, GruReservationsAutoConfigurationTest.saturday(paul.usager(), UsagerCategory.RESIDENT));
        reservations.reject(AGENT, refused.id(), "La salle est en travaux");
        assertThat(sent(context)).last().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(NotificationKind.RESERVATION_REFUSED);
            assertThat(n.message().text()).contains("La raison : La salle est en travaux");
        });

        RegistrationService registrations = context.getBean(RegistrationService.class);
        SessionId camp = SessionId.of("loisirs-mars-s1");
        var first = registrations.register(lea, camp, lea.usager());
        registrations.register(paul, camp, paul.usager());
        registrations.cancel(lea, first.id());
        assertThat(sent(context)).last().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(NotificationKind.EVENT_PLACE_OFFERED);
            assertThat(n.usager()).isEqualTo(paul.usager());
            assertThat(n.message().text())
                    .contains("Une place s'est libérée pour « Centre de loisirs, semaine du 9 mars »")
                    .contains("si vous la prenez avant le ")
                    .contains("45,00 €")
                    .contains("https://demarches.saint-martin.fr/inscriptions/");
        });

        assertThat(sent(context))
                .extracting(n -> n.message().text())
                .allSatisfy(text -> assertThat(text)
                        .doesNotContain("{{")
                        .doesNotContain("salle-des-fetes")
                        .doesNotContain("loisirs-mars-s1")
                        .doesNotContain("RESERVATION_"));
    }

    @Test
    void withoutAPortalAddressTheNoticeSaysWhereInWords() {
        runner.withUserConfiguration(GruAppointmentNoticesAutoConfigurationTest.Host.class)
                .run(context -> {
                    ReservationService reservations = context.getBean(ReservationService.class);
                    UsagerPrincipal lea = GruAppointmentNoticesAutoConfigurationTest.residentByEmail(context);
                    var approved = reservations.request(
                            lea, GruReservationsAutoConfigurationTest.saturday(lea.usager(), UsagerCategory.RESIDENT));
                    reservations.approve(AGENT, approved.id());
                    assertThat(sent(context))
                            .singleElement()
                            .satisfies(n -> assertThat(n.message().text())
                                    .contains("Pour payer ou voir votre réservation : votre espace sur le portail"));
                });
    }

    @Test
    void aPortalAddressThatIsNotOneStopsTheStartNamingTheKey() {
        runner.withUserConfiguration(GruAppointmentNoticesAutoConfigurationTest.Host.class)
                .withPropertyValues("gru.tenants.saint-martin.portal-url=demarches.saint-martin.fr?x=1")
                .run(context ->
                        assertThat(context).hasFailed().getFailure().rootCause().hasMessageContaining("portalUrl"));
    }

    @Test
    void withoutANotificationServiceNobodyIsTold() {
        runner.run(context -> assertThat(context)
                .hasNotFailed()
                .hasSingleBean(ReservationService.class)
                .doesNotHaveBean(ReservationNotices.class));
    }

    /** What the starter's jobs do: relay the outbox, deliver the notifications. */
    private static List<Notification> sent(ApplicationContext context) {
        OutboxRelay relay = context.getBean(OutboxRelay.class);
        NotificationService notifications = context.getBean(NotificationService.class);
        for (int i = 0; i < 2; i++) {
            relay.drain(10);
            notifications.drain(10);
        }
        return context.getBean(GruAppointmentNoticesAutoConfigurationTest.RecordingSender.class).sent;
    }
}
