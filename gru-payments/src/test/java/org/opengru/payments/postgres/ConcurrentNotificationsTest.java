package org.opengru.payments.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opengru.core.audit.AuditEntry;
import org.opengru.core.id.IdGenerator;
import org.opengru.core.jdbc.JdbcTransactions;
import org.opengru.core.jdbc.Migrations;
import org.opengru.core.jdbc.internal.PostgresAuditTrail;
import org.opengru.core.principal.ActorKind;
import org.opengru.core.principal.ActorRef;
import org.opengru.core.tenancy.TenantId;
import org.opengru.payments.Payment;
import org.opengru.payments.PaymentOrder;
import org.opengru.payments.PaymentService;
import org.opengru.payments.PaymentStatus;
import org.opengru.payments.ReadBack;
import org.opengru.payments.payfip.FakePayfip;
import org.opengru.payments.payfip.PayfipAccount;
import org.opengru.payments.payfip.PayfipMode;
import org.opengru.payments.payfip.PayfipProvider;
import org.opengru.test.postgres.EmbeddedPostgresExtension;
import org.opengru.test.postgres.PostgresDatabase;

/**
 * A notification twice, or the notification and the return at once on several nodes: each payment is
 * settled once (one {@code payment:settled} audit entry, one read-back reporting it settled). Fails if
 * the settling UPDATE loses its {@code status = 'PENDING'} guard.
 */
@ExtendWith(EmbeddedPostgresExtension.class)
class ConcurrentNotificationsTest {

    private static final TenantId LYON = TenantId.of("lyon");
    private static final int NODES = 3;
    private static final int CALLS_PER_PAYMENT = 6;
    private static final int PAYMENTS = 15;

    private final FakePayfip payfip;
    private final List<PaymentService> nodes = new ArrayList<>();
    private final PostgresAuditTrail audit;
    private final PostgresPaymentStore store;

    ConcurrentNotificationsTest(PostgresDatabase db) throws IOException {
        DataSource ds = db.dataSource();
        Migrations.core().migrate(ds);
        PaymentsSchema.migrate(ds);
        payfip = new FakePayfip();
        PayfipAccount account = new PayfipAccount(
                "123456", PayfipMode.ACTIVATION, URI.create("https://a.fr/n"), URI.create("https://a.fr/r"));
        Clock clock = Clock.systemUTC();
        for (int i = 0; i < NODES; i++) {
            JdbcTransactions tx = JdbcTransactions.of(db.newDataSource());
            nodes.add(new PaymentService(
                    new PayfipProvider(payfip.config(), t -> Optional.of(account)),
                    new PostgresPaymentStore(tx),
                    new PostgresAuditTrail(tx),
                    clock,
                    IdGenerator.create(clock)));
        }
        JdbcTransactions tx = JdbcTransactions.of(ds);
        audit = new PostgresAuditTrail(tx);
        store = new PostgresPaymentStore(tx);
    }

    @AfterEach
    void stop() {
        payfip.close();
    }

    @Test
    void concurrentNotificationsAndReturnsSettleEachPaymentOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CALLS_PER_PAYMENT);
        try {
            for (int n = 0; n < PAYMENTS; n++) {
                Payment p = nodes.get(0)
                        .start(
                                new PaymentOrder(
                                        LYON, "LOCATION2026N" + n, 2026, 15_000, "Salle des fetes", "a@b.fr", null),
                                new ActorRef(ActorKind.USAGER, "u" + n))
                        .payment();
                String idOp = p.operationId().value();
                payfip.pay(idOp);
                CountDownLatch go = new CountDownLatch(1);
                List<Future<ReadBack>> results = new ArrayList<>();
                for (int i = 0; i < CALLS_PER_PAYMENT; i++) {
                    PaymentService node = nodes.get(i % NODES);
                    boolean notification = i % 2 == 0;
                    Callable<ReadBack> call = () -> {
                        go.await();
                        return notification ? node.notified(LYON, idOp) : node.returned(LYON, idOp);
                    };
                    results.add(pool.submit(call));
                }
                go.countDown();
                int settledNow = 0;
                for (Future<ReadBack> f : results) {
                    ReadBack r = f.get();
                    assertThat(r.payment().status()).isEqualTo(PaymentStatus.PAID);
                    settledNow += r.settledNow() ? 1 : 0;
                }
                // And a late notification, once everything is over.
                assertThat(nodes.get(1).notified(LYON, idOp).settledNow()).isFalse();
                long settledEntries = audit.entries(LYON, PaymentService.chain(p.id())).stream()
                        .map(AuditEntry::record)
                        .filter(r -> r.action().equals("payment:settled"))
                        .count();
                assertThat(settledNow)
                        .as("read-backs that settled payment %s", n)
                        .isEqualTo(1);
                assertThat(settledEntries)
                        .as("payment:settled entries of payment %s", n)
                        .isEqualTo(1);
                assertThat(store.find(LYON, p.id()).orElseThrow().authorisationNumber())
                        .isEqualTo("A1B2C3");
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
