package org.opengru.spring.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opengru.core.notification.AppointmentStatusLookup;
import org.opengru.core.notification.ChannelSender;
import org.opengru.core.notification.LanguageRegister;
import org.opengru.core.notification.Notification;
import org.opengru.core.notification.NotificationKind;
import org.opengru.core.notification.NotificationPreferenceStore;
import org.opengru.core.notification.NotificationPreferences;
import org.opengru.core.notification.NotificationService;
import org.opengru.core.notification.SendResult;
import org.opengru.core.outbox.Outbox;
import org.opengru.core.outbox.OutboxRelay;
import org.opengru.core.principal.UsagerPrincipal;
import org.opengru.core.usager.NotificationChannel;
import org.opengru.core.usager.UsagerStore;
import org.opengru.core.value.EmailAddress;
import org.opengru.scheduling.booking.BookingRequest;
import org.opengru.scheduling.booking.BookingResult;
import org.opengru.scheduling.booking.BookingService;
import org.opengru.scheduling.model.ServiceId;
import org.opengru.scheduling.model.SiteId;
import org.opengru.spring.TestTenant;
import org.opengru.spring.core.GruCoreAutoConfiguration;
import org.opengru.spring.core.GruNotificationsAutoConfiguration;
import org.opengru.spring.jobs.GruJobContribution;
import org.opengru.spring.storage.GruStorageAutoConfiguration;
import org.opengru.test.postgres.EmbeddedPostgresExtension;
import org.opengru.test.postgres.PostgresDatabase;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With gru-scheduling and a {@link NotificationService} of the application, the starter makes bookings
 * notify themselves: the notification service hears of the outbox, the booking events become notices with
 * the invitation attached (the commune's contact address as organiser), in memory and on PostgreSQL, and
 * the reminders are swept by a job.
 */
@ExtendWith(EmbeddedPostgresExtension.class)
class GruAppointmentNoticesAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    GruStorageAutoConfiguration.class,
                    GruCoreAutoConfiguration.class,
                    GruNotificationsAutoConfiguration.class,
                    GruSchedulingAutoConfiguration.class,
                    GruAppointmentNoticesAutoConfiguration.class))
            .withBean(Clock.class, () -> TestTenant.CLOCK)
            .withPropertyValues(TestTenant.PROPERTIES);

    /** What an application adds to send notifications: its channels and its service, on the starter's outbox. */
    @Configuration(proxyBeanMethods = false)
    static class Host {
        @Bean
        RecordingSender recordingSender() {
            return new RecordingSender();
        }

        @Bean
        NotificationPreferenceStore notificationPreferences() {
            return NotificationPreferenceStore.inMemory();
        }

        // tag::notifications-bean[]
        @Bean
        NotificationService notifications(
                Clock clock,
                Outbox outbox,
                NotificationPreferenceStore preferences,
                RecordingSender sender,
                ObjectProvider<AppointmentStatusLookup> appointments) {
            return NotificationService.builder(clock, outbox)
                    .preferences(preferences)
                    .sender(sender)
                    .appointmentStatus(appointments.getIfAvailable(AppointmentStatusLookup::none))
                    .build();
        }
        // end::notifications-bean[]
    }

    static final class RecordingSender implements ChannelSender {
        final List<Notification> sent = new CopyOnWriteArrayList<>();

        @Override
        public NotificationChannel channel() {
            return NotificationChannel.EMAIL;
        }

        @Override
        public SendResult send(Notification n) {
            sent.add(n);
            return SendResult.sent("id-" + sent.size(), "recorded");
        }
    }

    @Test
    void inMemoryABookingMailsItsConfirmationWithTheInvitation() {
        runner.withUserConfiguration(Host.class).run(this::bookAndCheckTheConfirmation);
    }

    @Test
    void onPostgresTheBookingEventsReachTheNoticesThroughTheOutbox(PostgresDatabase db) {
        runner.withUserConfiguration(Host.class)
                .withBean(DataSource.class, db::dataSource)
                .withPropertyValues("gru.storage=jdbc")
                .run(this::bookAndCheckTheConfirmation);
    }

    private void bookAndCheckTheConfirmation(ApplicationContext context) {
        UsagerPrincipal lea = residentByEmail(context);
        BookingService bookings = context.getBean(BookingService.class);
        LocalDate tuesday = LocalDate.of(2026, 3, 3);
        var slot = bookings.availability(
                        TestTenant.TENANT, SiteId.of("mairie"), ServiceId.of("passeport"), tuesday, tuesday, 1)
                .get(0);
        assertThat(bookings.book(BookingRequest.online(
                        TestTenant.TENANT, SiteId.of("mairie"), ServiceId.of("passeport"), slot.start(), lea.usager())))
                .isInstanceOf(BookingResult.Booked.class);

        // What the starter's jobs do: relay the outbox (booking events, then the notices they queued), deliver.
        OutboxRelay relay = context.getBean(OutboxRelay.class);
        NotificationService notifications = context.getBean(NotificationService.class);
        for (int i = 0; i < 2; i++) {
            relay.drain(10);
            notifications.drain(10);
        }

        List<Notification> sent = context.getBean(RecordingSender.class).sent;
        assertThat(sent).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(NotificationKind.APPOINTMENT_BOOKED);
            assertThat(n.message().text()).contains("Léa").contains("mardi 3 mars 2026 à 08h30");
            assertThat(n.attachments()).singleElement().satisfies(ics -> {
                assertThat(ics.contentType()).isEqualTo("text/calendar; method=REQUEST; charset=UTF-8");
                String text = new String(ics.content(), StandardCharsets.UTF_8).replace("\r\n ", "");
                assertThat(text)
                        .contains("ORGANIZER;CN=\"Mairie de Saint-Martin\":mailto:accueil@saint-martin.fr")
                        .contains("mailto:lea.martin@exemple.fr");
            });
        });
        assertThat(context.getBean("gruAppointmentNoticeJobs", GruJobContribution.class)
                        .jobs())
                .extracting(org.opengru.core.job.Job::name)
                .containsExactly("appointment-reminders");
    }

    /** A resident who wants their notifications by e-mail, at lea.martin@exemple.fr. */
    static UsagerPrincipal residentByEmail(ApplicationContext context) {
        UsagerPrincipal usager = TestTenant.resident(context.getBean(UsagerStore.class));
        context.getBean(NotificationPreferenceStore.class)
                .save(new NotificationPreferences(
                        TestTenant.TENANT,
                        usager.usager(),
                        List.of(NotificationChannel.EMAIL),
                        EmailAddress.parse("lea.martin@exemple.fr"),
                        null,
                        null,
                        null,
                        null,
                        LanguageRegister.STANDARD));
        return usager;
    }

    @Test
    void withoutANotificationServiceBookingsNotifyNobody() {
        runner.run(context -> assertThat(context)
                .hasNotFailed()
                .hasSingleBean(BookingService.class)
                .doesNotHaveBean("gruAppointmentNotices")
                .doesNotHaveBean("gruNotificationsSubscriber"));
    }
}
