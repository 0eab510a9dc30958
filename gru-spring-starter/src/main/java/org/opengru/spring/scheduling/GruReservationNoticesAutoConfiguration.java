package org.opengru.spring.scheduling;

import org.opengru.core.GruCore;
import org.opengru.core.notification.NotificationService;
import org.opengru.scheduling.notification.ReservationNotices;
import org.opengru.scheduling.registration.RegistrationService;
import org.opengru.scheduling.reservation.ReservationService;
import org.opengru.spring.core.GruNotificationsAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Reservations, registrations and a {@link NotificationService} of the application: the resident is told
 * when their reservation is approved or refused, a place of an event is offered to them from the waiting
 * list, or a refund is recorded ({@link ReservationNotices}). The services publish their events on gru-core's
 * bus once stored, on the node that made the change; the notices listen there. Give the application's own
 * {@code ReservationNotices} bean to link to its payment page.
 */
@AutoConfiguration(after = {GruReservationsAutoConfiguration.class, GruNotificationsAutoConfiguration.class})
@ConditionalOnClass({ReservationService.class, GruCore.class})
@ConditionalOnBean({NotificationService.class, ReservationService.class, RegistrationService.class})
public class GruReservationNoticesAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ReservationNotices gruReservationNotices(
            NotificationService notifications,
            ReservationService reservations,
            RegistrationService registrations,
            GruCore core) {
        ReservationNotices notices = ReservationNotices.builder(notifications)
                .reservations(reservations)
                .registrations(registrations)
                .build();
        notices.subscribe(core.events());
        return notices;
    }
}
