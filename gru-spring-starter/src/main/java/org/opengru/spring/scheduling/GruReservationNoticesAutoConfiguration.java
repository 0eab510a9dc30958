package org.opengru.spring.scheduling;

import org.opengru.core.GruCore;
import org.opengru.core.notification.NotificationService;
import org.opengru.core.outbox.OutboxRecord;
import org.opengru.core.outbox.OutboxSubscriber;
import org.opengru.scheduling.notification.ReservationNotices;
import org.opengru.scheduling.registration.RegistrationService;
import org.opengru.scheduling.reservation.ReservationService;
import org.opengru.spring.GruProperties;
import org.opengru.spring.core.GruNotificationsAutoConfiguration;
import org.opengru.spring.storage.GruStorage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Reservations, registrations and a {@link NotificationService} of the application: the resident is told
 * when their reservation is approved or refused, a place of an event is offered to them from the waiting
 * list, or a refund is recorded ({@link ReservationNotices}). With PostgreSQL the stores write each event to
 * gru-core's outbox in the change's transaction and the relay hands it to the notices' outbox subscriber
 * ({@value ReservationNotices#SUBSCRIBER}): a node dying between the commit and an in-process publish loses
 * no notice, and a redelivered event sends no second one. In memory, the notices listen on gru-core's bus.
 * The notices asking the resident to act link to {@code gru.tenants.<id>.portal-url} followed by {@code
 * gru.notifications.reservation-url} or {@code registration-url} and the item's id. Give the application's
 * own {@code ReservationNotices} bean to link elsewhere.
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
            GruProperties properties,
            GruStorage storage,
            GruCore core) {
        GruProperties.Notifications n = properties.notifications();
        ReservationNotices notices = ReservationNotices.builder(notifications)
                .reservations(reservations)
                .registrations(registrations)
                .link(r -> GruProperties.Notifications.link(
                                properties.tenant(r.tenant().value()).portalUrl(), n.reservationUrl(), r.id())
                        .orElse(ON_THE_PORTAL))
                .registrationLink(r -> GruProperties.Notifications.link(
                                properties.tenant(r.tenant().value()).portalUrl(), n.registrationUrl(), r.id())
                        .orElse(ON_THE_PORTAL))
                .zone(n.zone())
                .build();
        if (!storage.isJdbc()) {
            // In memory the stores write no outbox: their events reach the notices on the bus.
            notices.subscribe(core.events());
        }
        return notices;
    }

    /** On PostgreSQL, the events the reservation and registration stores write to the outbox; reached lazily. */
    @Bean
    OutboxSubscriber gruReservationNoticesSubscriber(ObjectProvider<ReservationNotices> notices) {
        return new OutboxSubscriber() {
            @Override
            public String name() {
                return ReservationNotices.SUBSCRIBER;
            }

            @Override
            public DeliveryResult deliver(OutboxRecord record) {
                String type = record.message().aggregateType();
                if (!"reservation".equals(type) && !"registration".equals(type)) {
                    return DeliveryResult.ok("not a reservation or registration event");
                }
                return notices.getObject().subscriber().deliver(record);
            }
        };
    }

    private static final String ON_THE_PORTAL = "votre espace sur le portail de la commune";
}
