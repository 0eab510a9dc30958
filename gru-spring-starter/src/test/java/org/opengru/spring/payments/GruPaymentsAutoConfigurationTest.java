package org.opengru.spring.payments;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.opengru.core.GruCore;
import org.opengru.core.audit.AuditEntry;
import org.opengru.core.audit.AuditTrail;
import org.opengru.core.job.Job;
import org.opengru.core.principal.ActorKind;
import org.opengru.core.principal.ActorRef;
import org.opengru.core.request.PaymentDeadlineSweeper;
import org.opengru.core.tenancy.TenantId;
import org.opengru.payments.OperationId;
import org.opengru.payments.Payment;
import org.opengru.payments.PaymentId;
import org.opengru.payments.PaymentLimits;
import org.opengru.payments.PaymentOrder;
import org.opengru.payments.PaymentProvider;
import org.opengru.payments.PaymentService;
import org.opengru.payments.PaymentStatus;
import org.opengru.payments.PaymentStore;
import org.opengru.payments.ProviderPayment;
import org.opengru.payments.ProviderResult;
import org.opengru.payments.request.RequestPayments;
import org.opengru.spring.TestTenant;
import org.opengru.spring.core.GruCoreAutoConfiguration;
import org.opengru.spring.jobs.GruJobContribution;
import org.opengru.spring.storage.GruStorageAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class GruPaymentsAutoConfigurationTest {

    private static final String[] PAYFIP = {
        "gru.tenants.saint-martin.payfip.client-number=123456",
        "gru.tenants.saint-martin.payfip.mode=activation",
        "gru.tenants.saint-martin.payfip.notification-url=https://saint-martin.fr/gru/payfip/saint-martin/notification",
        "gru.tenants.saint-martin.payfip.return-url=https://saint-martin.fr/gru/payfip/saint-martin/retour",
        "gru.tenants.saint-martin.payfip.result-page=/paiement/resultat",
        "gru.tenants.saint-martin.payfip.max-amount-cents=50000",
    };

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    GruStorageAutoConfiguration.class,
                    GruCoreAutoConfiguration.class,
                    GruPaymentsAutoConfiguration.class))
            .withBean(Clock.class, () -> TestTenant.CLOCK)
            .withPropertyValues(TestTenant.PROPERTIES)
            .withPropertyValues(PAYFIP);

    /** PayFiP as the test says: an operation per call, paid or left pending. */
    static final class Sandbox implements PaymentProvider {
        final Map<String, PaymentStatus> results = new ConcurrentHashMap<>();
        final AtomicInteger next = new AtomicInteger();
        final Map<String, PaymentOrder> orders = new ConcurrentHashMap<>();

        @Override
        public String name() {
            return "payfip";
        }

        @Override
        public PaymentLimits limits(TenantId tenant) {
            return new PaymentLimits(100, 50_000);
        }

        @Override
        public ProviderPayment create(PaymentId id, PaymentOrder order) {
            String op = "op" + next.incrementAndGet();
            orders.put(op, order);
            results.put(op, PaymentStatus.PENDING);
            return new ProviderPayment(new OperationId(op), URI.create("https://sandbox.example/pay?idop=" + op));
        }

        @Override
        public ProviderResult read(TenantId tenant, OperationId operationId) {
            PaymentOrder o = orders.get(operationId.value());
            PaymentStatus s = results.get(operationId.value());
            return new ProviderResult(
                    operationId,
                    s,
                    o.debtReference(),
                    s == PaymentStatus.PAID ? o.amountCents() : null,
                    s == PaymentStatus.PAID ? "AUT123" : null,
                    s == PaymentStatus.PAID ? TestTenant.NOW : null);
        }
    }

    @Test
    void theTenantsPayfipAccountTheServiceTheBridgeAndTheJobsComeFromTheProperties() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            PayfipAccounts accounts = context.getBean(PayfipAccounts.class);
            PayfipAccounts.Tenant t = accounts.tenant(TestTenant.TENANT).orElseThrow();
            assertThat(t.settings().clientNumber()).isEqualTo("123456");
            assertThat(accounts.limits(TestTenant.TENANT)).isEqualTo(new PaymentLimits(100, 50_000));
            assertThat(context).hasSingleBean(PaymentService.class).hasSingleBean(RequestPayments.class);
            assertThat(context.getBeansOfType(GruJobContribution.class).values().stream()
                            .flatMap(c -> c.jobs().stream())
                            .map(Job::name))
                    .contains("reconcile-payments", "purge-payment-data", "lapse-unpaid-requests");
            // gru-core's lapse job asks the payments first: a request paid or being paid online never lapses.
            assertThat(context).hasSingleBean(PaymentDeadlineSweeper.Check.class);
        });
    }

    @Test
    void badAccountSettingsStopTheStartNamingTheField() {
        runner.withPropertyValues("gru.tenants.saint-martin.payfip.client-number=12345")
                .run(context -> assertThat(context).hasFailed().getFailure().hasStackTraceContaining("clientNumber"));
        runner.withPropertyValues("gru.tenants.saint-martin.payfip.min-amount-cents=60000")
                .run(context ->
                        assertThat(context).hasFailed().getFailure().hasStackTraceContaining("limits.maxCents"));
        runner.withPropertyValues("gru.tenants.saint-martin.payfip.give-up-after=20m")
                .run(context -> assertThat(context).hasFailed().getFailure().hasStackTraceContaining("give-up-after"));
        runner.withPropertyValues("gru.tenants.saint-martin.payfip.mode=live")
                .run(context -> assertThat(context).hasFailed());
    }

    @Test
    void theEndpointsReadEveryResultBackRefuseUnknownOperationsAndIgnoreAForgedReturn() {
        Sandbox sandbox = new Sandbox();
        // The context's store, audit and bridge, with the sandbox in place of PayFiP's web service.
        runner.run(context -> {
            PaymentStore store = context.getBean(PaymentStore.class);
            AuditTrail audit = context.getBean(AuditTrail.class);
            GruCore core = context.getBean(GruCore.class);
            PaymentService payments = new PaymentService(sandbox, store, audit, TestTenant.CLOCK, core.ids());
            RequestPayments bridge =
                    new RequestPayments(core.requests(), core.requestStore(), payments, store, TestTenant.CLOCK);
            PayfipCallbackFilter filter = new PayfipCallbackFilter(
                    payments,
                    bridge,
                    context.getBean(PayfipAccounts.class),
                    context.getBeanProvider(HeldPayments.class));
            Payment p = payments.start(
                            new PaymentOrder(
                                    TestTenant.TENANT,
                                    "LOCATION2026",
                                    2026,
                                    15_000,
                                    "Location salle",
                                    "claire@example.fr",
                                    null),
                            new ActorRef(ActorKind.USAGER, "claire"))
                    .payment();
            String op = p.operationId().value();

            MockHttpServletResponse forged = call(filter, "GET", "/gru/payfip/saint-martin/retour", op);
            assertThat(forged.getStatus()).isEqualTo(303);
            assertThat(forged.getHeader("Location"))
                    .isEqualTo("/paiement/resultat?paiement=" + p.id() + "&etat=PENDING");
            assertThat(store.find(TestTenant.TENANT, p.id()).orElseThrow().status())
                    .as("the browser's return alone changes nothing")
                    .isEqualTo(PaymentStatus.PENDING);

            assertThat(call(filter, "POST", "/gru/payfip/saint-martin/notification", "nosuchop")
                            .getStatus())
                    .isEqualTo(404);
            assertThat(call(filter, "POST", "/gru/payfip/saint-martin/notification", "<script>")
                            .getStatus())
                    .isEqualTo(400);
            assertThat(call(filter, "POST", "/gru/payfip/dijon/notification", op)
                            .getStatus())
                    .as("a collectivité without an account")
                    .isEqualTo(404);
            assertThat(call(filter, "GET", "/gru/payfip/saint-martin/retour", "nosuchop")
                            .getHeader("Location"))
                    .isEqualTo("/paiement/resultat?etat=INCONNU");
            assertThat(audit.entries(TestTenant.TENANT, PaymentService.refusals(TestTenant.TENANT)))
                    .extracting(AuditEntry::record)
                    .extracting(r -> r.details().get("reason"))
                    .containsExactly("unknown", "malformed", "unknown");
            assertThat(store.find(TestTenant.TENANT, p.id()).orElseThrow().status())
                    .isEqualTo(PaymentStatus.PENDING);

            sandbox.results.put(op, PaymentStatus.PAID);
            MockHttpServletResponse notified = call(filter, "POST", "/gru/payfip/saint-martin/notification", op);
            assertThat(notified.getStatus()).isEqualTo(200);
            assertThat(store.find(TestTenant.TENANT, p.id()).orElseThrow().status())
                    .isEqualTo(PaymentStatus.PAID);
            assertThat(call(filter, "GET", "/gru/payfip/saint-martin/retour", op)
                            .getHeader("Location"))
                    .endsWith("&etat=PAID");
            assertThat(call(filter, "GET", "/elsewhere", op).getStatus())
                    .as("not ours: passed on")
                    .isEqualTo(200);
        });
    }

    @Test
    void theEndpointsAreAFilterOfAServletApplication() {
        new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(
                        GruStorageAutoConfiguration.class,
                        GruCoreAutoConfiguration.class,
                        GruPaymentsAutoConfiguration.class))
                .withBean(Clock.class, () -> TestTenant.CLOCK)
                .withPropertyValues(TestTenant.PROPERTIES)
                .withPropertyValues(PAYFIP)
                .run(context -> assertThat(context).hasSingleBean(PayfipCallbackFilter.class));
        runner.run(context -> assertThat(context).doesNotHaveBean(PayfipCallbackFilter.class));
    }

    private static MockHttpServletResponse call(PayfipCallbackFilter filter, String method, String path, String idOp)
            throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.setParameter("idOp", idOp);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response;
    }
}
