package org.opengru.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opengru.reports.ReportsFixture.TENANT;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opengru.core.id.EventId;
import org.opengru.core.id.UsagerId;
import org.opengru.core.notification.Notification;
import org.opengru.core.notification.NotificationKind;
import org.opengru.core.notification.NotificationService;
import org.opengru.core.notification.NotificationStore;
import org.opengru.core.notification.inbox.InAppSender;
import org.opengru.core.notification.inbox.InboxStore;
import org.opengru.core.outbox.Outbox;
import org.opengru.core.outbox.OutboxRelay;
import org.opengru.core.tenancy.TenantId;
import org.opengru.core.value.EmailAddress;
import org.opengru.test.MutableClock;

/** A resident is told through gru-core's notifications, an e-mail follower through the mailer. */
class ReportNotifierTest {

    @Test
    void residentsThroughGruCoreNotificationsAndEmailFollowersThroughTheMailer() {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:00Z"));
        Outbox outbox = Outbox.inMemory(clock, Set.of(NotificationService.SUBSCRIBER));
        NotificationStore store = NotificationStore.inMemory();
        NotificationService notifications = NotificationService.builder(clock, outbox)
                .store(store)
                .sender(new InAppSender(InboxStore.inMemory()))
                .build();
        OutboxRelay relay = OutboxRelay.builder(outbox, clock)
                .subscriber(notifications.subscriber())
                .build();
        List<ReportNotice> mailed = new ArrayList<>();
        FollowerMailer mailer = new FollowerMailer() {
            @Override
            public void sendVerification(TenantId t, EmailAddress to, ReportId r, String token, Instant expiresAt) {}

            @Override
            public void sendStatus(TenantId t, EmailAddress to, ReportNotice notice) {
                mailed.add(notice);
            }
        };
        ReportNotifier notifier = ReportNotifier.through(notifications, mailer);
        UsagerId usager = UsagerId.of(UUID.randomUUID());
        ReportId report = new ReportId(UUID.randomUUID());
        EventId event = EventId.of(UUID.randomUUID());

        notifier.notify(new ReportNotice(
                event, TENANT, report, Reporter.resident(usager), ReportStatus.IN_PROGRESS, clock.instant(), null));
        notifier.notify(new ReportNotice(
                event,
                TENANT,
                report,
                Reporter.anonymous(EmailAddress.parse("anne@example.org")),
                ReportStatus.IN_PROGRESS,
                clock.instant(),
                null));
        relay.drain();
        notifications.drain(5);

        List<Notification> told = notifications.history(TENANT, usager, null, 10);
        assertThat(told).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(NotificationKind.REPORT_STATUS_CHANGED);
            assertThat(n.message().subject()).contains(report.toString()).contains("pris en charge");
        });
        assertThat(mailed).singleElement().satisfies(n -> assertThat(n.report()).isEqualTo(report));
    }
}
