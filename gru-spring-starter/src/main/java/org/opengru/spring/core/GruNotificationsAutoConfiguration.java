package org.opengru.spring.core;

import java.time.Duration;
import java.util.List;
import org.opengru.core.job.Job;
import org.opengru.core.notification.NotificationService;
import org.opengru.core.outbox.OutboxRecord;
import org.opengru.core.outbox.OutboxSubscriber;
import org.opengru.spring.jobs.GruJobContribution;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;

/**
 * When the application defines a {@link NotificationService} (its channels are its own: SMTP, SMS
 * provider...), built on the starter's {@code Outbox}: the outbox gets its {@value
 * NotificationService#SUBSCRIBER} subscriber, so the relay stores the queued notifications, and a job
 * delivers them every 30 seconds (retries, fallback, quiet hours).
 *
 * <p>The subscriber reaches the service lazily: the service needs the outbox, which is built with the
 * names of every subscriber.
 */
@AutoConfiguration(after = GruCoreAutoConfiguration.class)
@ConditionalOnBean(NotificationService.class)
public class GruNotificationsAutoConfiguration {

    @Bean
    OutboxSubscriber gruNotificationsSubscriber(ObjectProvider<NotificationService> notifications) {
        return new OutboxSubscriber() {
            @Override
            public String name() {
                return NotificationService.SUBSCRIBER;
            }

            @Override
            public DeliveryResult deliver(OutboxRecord record) {
                return notifications.getObject().subscriber().deliver(record);
            }
        };
    }

    @Bean
    GruJobContribution gruNotificationJobs(ObjectProvider<NotificationService> notifications) {
        List<Job> jobs = List.of(Job.named("deliver-notifications")
                .every(Duration.ofSeconds(30))
                .minimumInterval(Duration.ofSeconds(1))
                .runs(() -> notifications.getObject().drain(10)));
        return () -> jobs;
    }
}
