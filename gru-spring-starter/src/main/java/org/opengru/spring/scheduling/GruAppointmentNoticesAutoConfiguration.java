package org.opengru.spring.scheduling;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.opengru.core.GruCore;
import org.opengru.core.job.Job;
import org.opengru.core.notification.NotificationPreferenceStore;
import org.opengru.core.notification.NotificationService;
import org.opengru.core.outbox.OutboxRecord;
import org.opengru.core.outbox.OutboxSubscriber;
import org.opengru.core.tenancy.TenantId;
import org.opengru.core.usager.UsagerStore;
import org.opengru.core.value.EmailAddress;
import org.opengru.scheduling.booking.BookingEvent;
import org.opengru.scheduling.booking.BookingService;
import org.opengru.scheduling.ical.ICalendarWriter;
import org.opengru.scheduling.notification.AppointmentNotices;
import org.opengru.scheduling.notification.Attendees;
import org.opengru.spring.GruProperties;
import org.opengru.spring.TenantProperties;
import org.opengru.spring.core.GruNotificationsAutoConfiguration;
import org.opengru.spring.jobs.GruJobContribution;
import org.opengru.spring.storage.GruStorage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * gru-scheduling and a {@link NotificationService} of the application: appointments notify themselves
 * ({@link AppointmentNotices}). Confirmations, reschedules, cancellations and waiting-list offers come
 * from the booking events (through the outbox on PostgreSQL, in the change's transaction; from the event
 * bus in memory), with the invitation attached: the site organises it with the address of {@code
 * gru.tenants.<id>.contact.email}, the resident attends with the address of their notification
 * preferences or contact details. Reminders ({@code gru.scheduling.reminders}) are swept every minute;
 * give the application's service the {@code AppointmentStatusLookup} bean so that each is checked
 * against the booking right before it goes out.
 */
@AutoConfiguration(after = {GruSchedulingAutoConfiguration.class, GruNotificationsAutoConfiguration.class})
@ConditionalOnClass({BookingService.class, GruCore.class})
@ConditionalOnBean(NotificationService.class)
public class GruAppointmentNoticesAutoConfiguration {

    /** The invitations' UIDs end with the domain of the first tenant's contact address. */
    @Bean
    @ConditionalOnMissingBean
    ICalendarWriter gruCalendarWriter(GruProperties properties) {
        for (String id : properties.tenantIds()) {
            EmailAddress address = contactAddress(properties, TenantId.of(id));
            if (address != null) {
                return new ICalendarWriter(
                        address.value().substring(address.value().indexOf('@') + 1));
            }
        }
        return new ICalendarWriter("opengru.invalid");
    }

    @Bean
    @ConditionalOnMissingBean
    AppointmentNotices gruAppointmentNotices(
            BookingService bookings,
            NotificationService notifications,
            ICalendarWriter calendar,
            GruProperties properties,
            UsagerStore usagers,
            ObjectProvider<NotificationPreferenceStore> preferences,
            GruStorage storage,
            GruCore core) {
        AppointmentNotices notices = AppointmentNotices.builder(bookings, notifications, calendar)
                .organizer(site -> contactAddress(properties, site.tenant()))
                .attendees(Attendees.of(usagers, preferences.getIfAvailable(NotificationPreferenceStore::inMemory)))
                .build();
        if (!storage.isJdbc()) {
            // In memory the booking store writes no outbox: its events reach the notices on the bus.
            core.events().subscribe(BookingEvent.class, notices.listener());
        }
        return notices;
    }

    /** On PostgreSQL, the booking events the store writes to the outbox; reached lazily (see the class). */
    @Bean
    OutboxSubscriber gruAppointmentNoticesSubscriber(ObjectProvider<AppointmentNotices> notices) {
        return new OutboxSubscriber() {
            @Override
            public String name() {
                return AppointmentNotices.SUBSCRIBER;
            }

            @Override
            public DeliveryResult deliver(OutboxRecord record) {
                if (!"booking".equals(record.message().aggregateType())) {
                    return DeliveryResult.ok("not a booking event");
                }
                return notices.getObject().subscriber().deliver(record);
            }
        };
    }

    @Bean
    @ConditionalOnMissingBean(name = "gruAppointmentNoticeJobs")
    GruJobContribution gruAppointmentNoticeJobs(ObjectProvider<AppointmentNotices> notices, GruProperties properties) {
        List<TenantId> tenants = new ArrayList<>();
        properties.tenantIds().forEach(id -> tenants.add(TenantId.of(id)));
        List<Job> jobs = List.of(Job.named("appointment-reminders")
                .every(Duration.ofMinutes(1))
                .minimumInterval(Duration.ofSeconds(1))
                .runs(() -> tenants.forEach(t -> notices.getObject().sendDueReminders(t))));
        return () -> jobs;
    }

    private static @org.jspecify.annotations.Nullable EmailAddress contactAddress(
            GruProperties properties, TenantId tenant) {
        TenantProperties.Contact contact = properties.tenant(tenant.value()).contact();
        return contact == null || contact.email() == null ? null : EmailAddress.parse(contact.email());
    }
}
