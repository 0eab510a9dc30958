package org.opengru.test.core.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opengru.core.id.EventId;
import org.opengru.core.id.RequestId;
import org.opengru.core.id.UsagerId;
import org.opengru.core.jdbc.JdbcTransactions;
import org.opengru.core.jdbc.PostgresPersistence;
import org.opengru.core.notification.ChannelSender;
import org.opengru.core.notification.LanguageRegister;
import org.opengru.core.notification.Notification;
import org.opengru.core.notification.NotificationKind;
import org.opengru.core.notification.NotificationPreferenceStore;
import org.opengru.core.notification.NotificationPreferences;
import org.opengru.core.notification.NotificationService;
import org.opengru.core.notification.NotificationStatus;
import org.opengru.core.notification.NotificationStore;
import org.opengru.core.notification.RequestNotice;
import org.opengru.core.notification.SendResult;
import org.opengru.core.notification.inbox.InAppSender;
import org.opengru.core.notification.inbox.InboxStore;
import org.opengru.core.outbox.OutboxRelay;
import org.opengru.core.outbox.OutboxStatus;
import org.opengru.core.tenancy.TenantId;
import org.opengru.core.usager.NotificationChannel;
import org.opengru.core.value.EmailAddress;
import org.opengru.test.MutableClock;
import org.opengru.test.postgres.EmbeddedPostgresExtension;
import org.opengru.test.postgres.PostgresDatabase;

/**
 * Notifications ride the transactional outbox in PostgreSQL: none is sent for a change that rolled back,
 * none is lost for one that committed. The business change here is a row in a table of the test.
 */
@ExtendWith(EmbeddedPostgresExtension.class)
class NotificationOutboxRollbackTest {

    static final TenantId T = TenantId.of("commune-rollback");

    final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    final PostgresDatabase db;
    final UsagerId usager = UsagerId.of(UUID.randomUUID());
    final List<Notification> sentByEmail = new CopyOnWriteArrayList<>();

    PostgresPersistence pg;
    NotificationService service;
    NotificationStore store;
    InboxStore inbox;
    OutboxRelay relay;

    NotificationOutboxRollbackTest(PostgresDatabase db) {
        this.db = db;
        ChannelPostgres.migrate(db);
        db.execute("CREATE TABLE IF NOT EXISTS business_change (id uuid PRIMARY KEY)");
    }

    @BeforeEach
    void setUp() {
        db.execute("TRUNCATE gru_outbox, gru_outbox_stream, gru_notification, gru_inbox, gru_notification_preferences,"
                + " business_change");
        pg = PostgresPersistence.builder(db.dataSource(), clock)
                .outboxSubscribers(Set.of(NotificationService.SUBSCRIBER))
                .build();
        service = wire(pg);
    }

    /** The service on a persistence: every store joins the persistence's transactions. */
    NotificationService wire(PostgresPersistence p) {
        JdbcTransactions tx = p.transactions();
        store = NotificationStore.postgres(tx);
        inbox = InboxStore.postgres(tx);
        NotificationPreferenceStore prefs = NotificationPreferenceStore.postgres(tx);
        prefs.save(new NotificationPreferences(
                T,
                usager,
                List.of(NotificationChannel.EMAIL),
                EmailAddress.parse("u@exemple.fr"),
                null,
                null,
                null,
                null,
                LanguageRegister.STANDARD));
        NotificationService s = NotificationService.builder(clock, p.outbox())
                .store(store)
                .preferences(prefs)
                .sender(new ChannelSender() {
                    @Override
                    public NotificationChannel channel() {
                        return NotificationChannel.EMAIL;
                    }

                    @Override
                    public SendResult send(Notification n) {
                        sentByEmail.add(n);
                        return SendResult.sent("<" + n.id() + "@test>", "recorded");
                    }
                })
                .sender(new InAppSender(inbox))
                .build();
        relay = OutboxRelay.builder(p.outbox(), clock)
                .subscriber(s.subscriber())
                .build();
        return s;
    }

    RequestNotice notice() {
        return new RequestNotice(
                EventId.of(UUID.randomUUID()),
                T,
                usager,
                NotificationKind.DECISION,
                clock.instant(),
                RequestId.of(UUID.randomUUID()),
                Map.of("reference", "7K3F-M9XA", "decision", "acceptée", "appealMeans", "recours sous deux mois"),
                List.of());
    }

    /** A command: the business row and the notification in one transaction, which may fail at the end. */
    void command(JdbcTransactions tx, boolean failAtTheEnd) {
        tx.run(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO business_change (id) VALUES (?)")) {
                ps.setObject(1, UUID.randomUUID());
                ps.executeUpdate();
            }
            service.enqueue(notice());
            if (failAtTheEnd) {
                throw new IllegalStateException("a later step of the command failed");
            }
        });
    }

    long businessRows() {
        return pg.transactions().inTransaction(c -> {
            try (var rs = c.createStatement().executeQuery("SELECT count(*) FROM business_change")) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    @Test
    void aCommittedChangeIsNotifiedOnce() {
        command(pg.transactions(), false);
        relay.drain();
        relay.drain();
        service.drain(10);
        service.drain(10);
        assertThat(sentByEmail).hasSize(1);
        assertThat(store.byUsager(T, usager, null, 10))
                .singleElement()
                .satisfies(n -> assertThat(n.status()).isEqualTo(NotificationStatus.SENT));
    }

    @Test
    void noNotificationForARolledBackChange() {
        assertThatThrownBy(() -> command(pg.transactions(), true)).isInstanceOf(IllegalStateException.class);
        assertThat(businessRows()).isZero();

        assertThat(relay.drain()).isZero();
        service.drain(10);

        assertThat(pg.outbox().count(OutboxStatus.PENDING)).isZero();
        assertThat(store.byUsager(T, usager, null, 10)).isEmpty();
        assertThat(sentByEmail).isEmpty();
    }

    @Test
    void rollbackCheckCatchesAnOutboxOutsideTheTransaction() {
        // Broken variant: the notifications' outbox on another data source (its own transactions), so
        // its append commits on its own whatever becomes of the command.
        PostgresPersistence detached = PostgresPersistence.builder(db.newDataSource(), clock)
                .outboxSubscribers(Set.of(NotificationService.SUBSCRIBER))
                .build();
        service = wire(detached);
        assertThatThrownBy(() -> command(pg.transactions(), true)).isInstanceOf(IllegalStateException.class);
        relay.drain();
        service.drain(10);
        // The business change rolled back, yet the notification went out: the check above would fail.
        assertThat(businessRows()).isZero();
        assertThat(sentByEmail).hasSize(1);
    }

    @Test
    void withoutAnEmailTheNotificationLandsInTheStoredInbox() {
        UsagerId other = UsagerId.of(UUID.randomUUID());
        pg.transactions()
                .run(c -> service.enqueue(new RequestNotice(
                        EventId.of(UUID.randomUUID()),
                        T,
                        other,
                        NotificationKind.AGENT_MESSAGE,
                        clock.instant(),
                        RequestId.of(UUID.randomUUID()),
                        Map.of("reference", "R", "portalLink", "https://portail/demandes/R"),
                        List.of())));
        relay.drain();
        service.drain(10);
        assertThat(sentByEmail).isEmpty();
        assertThat(inbox.unreadCount(T, other)).isEqualTo(1);
        assertThat(store.byUsager(T, other, null, 10))
                .singleElement()
                .satisfies(n -> assertThat(n.status()).isEqualTo(NotificationStatus.DELIVERED));
    }
}
