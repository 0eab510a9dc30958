package org.opengru.payments.usager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opengru.core.error.ValidationException;
import org.opengru.core.id.RequestId;
import org.opengru.core.id.UsagerId;
import org.opengru.core.rgpd.EndOfLife;
import org.opengru.core.rgpd.ErasureOutcome;
import org.opengru.core.tenancy.TenantId;
import org.opengru.payments.OperationId;
import org.opengru.payments.Payment;
import org.opengru.payments.PaymentId;
import org.opengru.payments.PaymentOrder;
import org.opengru.payments.PaymentStatus;
import org.opengru.payments.Settlement;
import org.opengru.payments.internal.InMemoryPaymentStore;
import org.opengru.test.MutableClock;

/** The payer's e-mail is exported, erased on request, and purged with the request or after its period. */
class PaymentsRgpdTest {

    private static final TenantId LYON = TenantId.of("lyon");
    private static final Instant T0 = Instant.parse("2026-12-05T10:00:00Z");

    private final MutableClock clock = new MutableClock(T0);
    private final InMemoryPaymentStore store = new InMemoryPaymentStore();
    private final UsagerId claire = UsagerId.of(UUID.randomUUID());

    private Payment pay(String op, String email, String subject) {
        PaymentOrder order =
                new PaymentOrder(LYON, "CANTINE2026X1", 2026, 4250, "Cantine de Léa", email, subject).by(claire);
        Payment p = Payment.pending(new PaymentId(UUID.randomUUID()), new OperationId(op), order, clock.instant());
        store.insert(p);
        store.settle(LYON, p.operationId(), new Settlement(PaymentStatus.PAID, "A1B2C3", T0, 4250L, clock.instant()));
        return p;
    }

    @Test
    void theExportShowsTheEmailAndTheErasureRemovesItKeepingTheAccountingFacts() {
        pay("op1", "canari7f3e@example.fr", "request:42");
        PaymentsSubjectData data = new PaymentsSubjectData(store);

        assertThat(data.collect(LYON, claire).toString()).contains("canari7f3e@example.fr", "Cantine de Léa");
        assertThat(data.collect(TenantId.of("dijon"), claire).toString()).doesNotContain("canari7f3e");

        ErasureOutcome outcome = data.erase(LYON, claire);

        assertThat(outcome.erased()).isEqualTo(1);
        assertThat(outcome.legalBasis()).contains("17.3.b");
        assertThat(store.find(LYON, new OperationId("op1")).orElseThrow().toString())
                .doesNotContain("canari7f3e", "Léa", claire.toString())
                .contains("CANTINE2026X1", "A1B2C3");
        assertThat((List<?>) ((Map<?, ?>) data.collect(LYON, claire)).get("payments"))
                .isEmpty();
    }

    @Test
    void theEndOfARequestErasesItsPaymentsAndThePurgeTheOldOnes() {
        RequestId request = RequestId.of(UUID.randomUUID());
        Payment forRequest = pay("op2", "a@example.fr", PaymentRetention.subjectOf(request));
        Payment canteen = pay("op3", "b@example.fr", "canteen:2026-11");
        PaymentRetention retention = new PaymentRetention(store, clock, Period.ofYears(1));

        retention.ended(LYON, request, EndOfLife.PURGE);
        assertThat(store.find(LYON, forRequest.id()).orElseThrow().order().isErased())
                .isTrue();
        assertThat(store.find(LYON, canteen.id()).orElseThrow().order().isErased())
                .isFalse();

        clock.advance(Duration.ofDays(300));
        assertThat(retention.run(LYON)).isZero();
        clock.advance(Duration.ofDays(70));
        assertThat(retention.run(LYON)).isEqualTo(1);
        assertThat(store.find(LYON, canteen.id()).orElseThrow().order().isErased())
                .isTrue();
        assertThat(retention.run(LYON)).isZero();
    }

    @Test
    void thePurgeNeedsAPositivePeriod() {
        assertThatThrownBy(() -> new PaymentRetention(store, clock, Period.ZERO))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("keepPersonalData");
    }
}
