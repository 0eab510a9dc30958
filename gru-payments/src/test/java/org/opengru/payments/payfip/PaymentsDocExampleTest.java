package org.opengru.payments.payfip;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opengru.core.audit.AuditTrail;
import org.opengru.core.id.IdGenerator;
import org.opengru.core.principal.ActorKind;
import org.opengru.core.principal.ActorRef;
import org.opengru.core.tenancy.TenantId;
import org.opengru.payments.PaymentOrder;
import org.opengru.payments.PaymentService;
import org.opengru.payments.PaymentStatus;
import org.opengru.payments.ReadBack;
import org.opengru.payments.StartedPayment;
import org.opengru.payments.internal.InMemoryPaymentStore;

/** The code shown in docs/payments.md, run against the loopback PayFiP. */
class PaymentsDocExampleTest {

    @Test
    void theDocsExampleRuns() throws Exception {
        try (FakePayfip fake = new FakePayfip()) {
            PayfipConfig config = fake.config();
            Clock clock = Clock.systemUTC();
            AuditTrail auditTrail = AuditTrail.inMemory();
            // tag::wiring[]
            TenantId lyon = TenantId.of("lyon");
            // What the DDFiP gives the commune: its client number, and the mode it has opened.
            PayfipAccount account = new PayfipAccount(
                    "123456",
                    PayfipMode.TEST,
                    URI.create("https://mairie.example.fr/payfip/notification"),
                    URI.create("https://mairie.example.fr/payfip/retour"));
            PaymentService payments = new PaymentService(
                    new PayfipProvider(
                            config,
                            tenant -> Optional.ofNullable(Map.of(lyon, account).get(tenant))),
                    new InMemoryPaymentStore(), // or new PostgresPaymentStore(JdbcTransactions.of(dataSource))
                    auditTrail,
                    clock,
                    IdGenerator.create(clock));

            // 1. Create the operation; send the resident's browser to started.paymentPage().
            StartedPayment started = payments.start(
                    new PaymentOrder(
                            lyon, "CANTINE202611", 2026, 4250, "Cantine novembre", "claire@example.fr", "request:42"),
                    new ActorRef(ActorKind.USAGER, "0190a5c2-7f3e-7000-8000-000000000001"));
            String idOp = started.payment().operationId().value();
            // end::wiring[]
            fake.pay(idOp);
            // tag::callbacks[]
            // 2. PayFiP calls the notification URL, the browser comes back to the return URL: both carry
            //    the idOp only, and both just read the result back from PayFiP.
            ReadBack notified = payments.notified(lyon, idOp);
            ReadBack returned = payments.returned(lyon, idOp); // settledNow() false: settled once only

            // 3. A job, every few minutes: what is still pending after 30 minutes is read back; what
            //    PayFiP still has no result for after 2 hours is given up (EXPIRED), never lost.
            PaymentService.Reconciliation run = payments.reconcile(lyon, Duration.ofMinutes(30), Duration.ofHours(2));
            // end::callbacks[]
            assertThat(notified.payment().status()).isEqualTo(PaymentStatus.PAID);
            assertThat(notified.settledNow()).isTrue();
            assertThat(returned.settledNow()).isFalse();
            assertThat(run.settled()).isZero();
        }
    }
}
