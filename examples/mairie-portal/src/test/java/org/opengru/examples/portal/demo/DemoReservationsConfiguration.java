package org.opengru.examples.portal.demo;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Set;
import org.opengru.examples.portal.commune.Commune;
import org.opengru.scheduling.registration.EventSession;
import org.opengru.scheduling.registration.SessionId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * The demo's reservations and events: the local PayFiP sandbox at {@code portal.demo.payfip-port} (the port
 * application-demo.properties gives {@code gru.tenants.*.payfip.endpoint} and {@code .payment-page}), and two
 * sessions a few weeks ahead, declared as beans so that their dates follow the clock: the centre de loisirs
 * (paid, two places) and a reading workshop (free, one place: the second registration waits).
 */
@Configuration(proxyBeanMethods = false)
@Profile("demo")
class DemoReservationsConfiguration {

    /** A notification held after the return is delivered this long after it, as PayFiP may do. */
    static final Duration LATE_NOTIFICATION = Duration.ofSeconds(5);

    @Bean(destroyMethod = "close")
    PayfipSandbox payfipSandbox(@Value("${portal.demo.payfip-port}") int port, Clock clock) {
        PayfipSandbox sandbox = new PayfipSandbox(port, clock);
        sandbox.deliverHeldAfter(LATE_NOTIFICATION);
        return sandbox;
    }

    @Bean
    EventSession demoCentreDeLoisirs(Clock clock) {
        LocalDate monday = LocalDate.now(clock.withZone(Commune.ZONE))
                .plusWeeks(3)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        var start = monday.atTime(LocalTime.of(9, 0)).atZone(Commune.ZONE).toInstant();
        return new EventSession(
                Commune.TENANT,
                SessionId.of("centre-loisirs-semaine-1"),
                "centre-loisirs",
                "Centre de loisirs, semaine du " + monday.getDayOfMonth() + "/" + monday.getMonthValue(),
                start,
                2,
                1,
                start.minus(Duration.ofDays(3)),
                4500,
                Duration.ofDays(2),
                Set.of(Commune.ENFANCE));
    }

    @Bean
    EventSession demoAtelierLecture(Clock clock) {
        LocalDate wednesday = LocalDate.now(clock.withZone(Commune.ZONE))
                .plusWeeks(2)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.WEDNESDAY));
        var start = wednesday.atTime(LocalTime.of(14, 30)).atZone(Commune.ZONE).toInstant();
        return new EventSession(
                Commune.TENANT,
                SessionId.of("atelier-lecture"),
                "atelier-lecture",
                "Atelier lecture à la médiathèque (6-10 ans)",
                start,
                1,
                1,
                start.minus(Duration.ofDays(1)),
                0,
                Duration.ofDays(2),
                Set.of(Commune.ENFANCE));
    }
}
