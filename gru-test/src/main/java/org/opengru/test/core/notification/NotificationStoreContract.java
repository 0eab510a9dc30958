package org.opengru.test.core.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opengru.core.error.NotFoundException;
import org.opengru.core.id.EventId;
import org.opengru.core.id.UsagerId;
import org.opengru.core.notification.AppointmentStatus;
import org.opengru.core.notification.DeliveryAttempt;
import org.opengru.core.notification.Notification;
import org.opengru.core.notification.NotificationKind;
import org.opengru.core.notification.NotificationStatus;
import org.opengru.core.notification.NotificationStore;
import org.opengru.core.tenancy.TenantId;
import org.opengru.core.usager.NotificationChannel;

/** The contract of the {@link NotificationStore} port. */
public abstract class NotificationStoreContract {

    protected static final TenantId TENANT = TenantId.of("commune-contract");
    protected static final TenantId OTHER = TenantId.of("commune-other");
    protected static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    private NotificationStore store;
    private final UsagerId usager = UsagerId.of(UUID.randomUUID());

    /** A new store; a database adapter starts from empty tables. */
    protected abstract NotificationStore newStore();

    @BeforeEach
    void setUpNotificationStoreContract() {
        store = newStore();
    }

    @Test
    void addDeduplicatesOnSourceEventUsagerAndKind() {
        EventId event = EventId.of(UUID.randomUUID());
        Notification first = NotificationFixtures.queued(TENANT, usager, event, NotificationKind.DECISION, T0);
        assertThat(store.add(first)).isTrue();
        assertThat(store.add(NotificationFixtures.queued(TENANT, usager, event, NotificationKind.DECISION, T0)))
                .isFalse();
        assertThat(store.add(
                        NotificationFixtures.queued(TENANT, usager, event, NotificationKind.SATISFACTION_SURVEY, T0)))
                .isTrue();
        assertThat(store.byUsager(TENANT, usager, null, 10)).hasSize(2);
        assertThat(store.find(TENANT, first.id())).contains(first);
    }

    @Test
    void everyQueryStaysInItsTenant() {
        Notification n = NotificationFixtures.queued(
                TENANT, usager, EventId.of(UUID.randomUUID()), NotificationKind.AGENT_MESSAGE, T0);
        store.add(n);
        assertThat(store.find(OTHER, n.id())).isEmpty();
        assertThat(store.byUsager(OTHER, usager, null, 10)).isEmpty();
    }

    @Test
    void historyIsNewestFirstAndPagesByCreationTime() {
        List<Notification> added = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Notification n = NotificationFixtures.queued(
                    TENANT, usager, EventId.of(UUID.randomUUID()), NotificationKind.AGENT_MESSAGE, T0.plusSeconds(i));
            store.add(n);
            added.add(n);
        }
        List<Notification> page = store.byUsager(TENANT, usager, null, 2);
        assertThat(page)
                .extracting(Notification::id)
                .containsExactly(added.get(4).id(), added.get(3).id());
        assertThat(store.byUsager(TENANT, usager, page.get(1).createdAt(), 10))
                .extracting(Notification::id)
                .containsExactly(
                        added.get(2).id(), added.get(1).id(), added.get(0).id());
    }

    @Test
    void processDueHandsOnlyDueQueuedNotificationsAndStoresTheResult() {
        Notification due = NotificationFixtures.queued(
                TENANT, usager, EventId.of(UUID.randomUUID()), NotificationKind.DECISION, T0);
        Notification later = NotificationFixtures.queued(
                TENANT, usager, EventId.of(UUID.randomUUID()), NotificationKind.DECISION, T0.plusSeconds(3600));
        store.add(due);
        store.add(later);
        int n = store.processDue(
                10,
                T0.plusSeconds(60),
                x -> x.next(
                        new DeliveryAttempt(
                                NotificationChannel.EMAIL,
                                DeliveryAttempt.Outcome.SENT,
                                T0.plusSeconds(60),
                                "ok",
                                "<m1@x>"),
                        NotificationStatus.SENT,
                        0,
                        0,
                        x.nextAttemptAt()));
        assertThat(n).isEqualTo(1);
        Notification stored = store.find(TENANT, due.id()).orElseThrow();
        assertThat(stored.status()).isEqualTo(NotificationStatus.SENT);
        assertThat(stored.attempts()).hasSize(1);
        assertThat(store.find(TENANT, later.id()).orElseThrow().status()).isEqualTo(NotificationStatus.QUEUED);
        assertThat(store.byProviderId("<m1@x>")).map(Notification::id).contains(due.id());
        assertThat(store.processDue(10, T0.plusSeconds(60), x -> x)).isZero();
    }

    @Test
    void latestAppointmentStatusIgnoresReminders() {
        Instant start = T0.plus(Duration.ofDays(3));
        store.add(NotificationFixtures.appointment(
                TENANT, usager, NotificationKind.APPOINTMENT_BOOKED, T0, "rdv-1", AppointmentStatus.BOOKED, start));
        store.add(NotificationFixtures.appointment(
                TENANT,
                usager,
                NotificationKind.APPOINTMENT_CANCELLED,
                T0.plusSeconds(10),
                "rdv-1",
                AppointmentStatus.CANCELLED,
                start));
        store.add(NotificationFixtures.appointment(
                TENANT,
                usager,
                NotificationKind.APPOINTMENT_REMINDER,
                T0.plusSeconds(20),
                "rdv-1",
                AppointmentStatus.BOOKED,
                start));
        assertThat(store.latestAppointmentStatus(TENANT, "rdv-1"))
                .map(Notification::appointmentStatus)
                .contains(AppointmentStatus.CANCELLED);
        assertThat(store.latestAppointmentStatus(OTHER, "rdv-1")).isEmpty();
        assertThat(store.latestAppointmentStatus(TENANT, "rdv-2")).isEmpty();
    }

    @Test
    void updatingAnUnknownNotificationIsNotFound() {
        Notification n = NotificationFixtures.queued(
                TENANT, usager, EventId.of(UUID.randomUUID()), NotificationKind.DECISION, T0);
        assertThatThrownBy(() -> store.update(n)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void concurrentWorkersNeverHandleOneNotificationTwice() throws Exception {
        for (int i = 0; i < 30; i++) {
            store.add(NotificationFixtures.queued(
                    TENANT, usager, EventId.of(UUID.randomUUID()), NotificationKind.AGENT_MESSAGE, T0));
        }
        ConcurrentLinkedQueue<UUID> handled = new ConcurrentLinkedQueue<>();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < 3; w++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    while (store.processDue(4, T0, x -> {
                                handled.add(x.id().value());
                                return x.next(
                                        new DeliveryAttempt(
                                                NotificationChannel.EMAIL,
                                                DeliveryAttempt.Outcome.SENT,
                                                T0,
                                                "ok",
                                                null),
                                        NotificationStatus.SENT,
                                        0,
                                        0,
                                        x.nextAttemptAt());
                            })
                            > 0) {
                        // keep going
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        Set<UUID> unique = new HashSet<>(handled);
        assertThat(handled).hasSize(30);
        assertThat(unique).hasSize(30);
    }
}
