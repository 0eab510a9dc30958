package org.opengru.spring.payments;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.opengru.core.GruCore;
import org.opengru.core.audit.AuditTrail;
import org.opengru.core.jdbc.JdbcTransactions;
import org.opengru.core.job.Job;
import org.opengru.core.request.PaymentDeadlineSweeper;
import org.opengru.core.rgpd.RequestEndListener;
import org.opengru.core.rgpd.SubjectDataContributor;
import org.opengru.core.timeline.TimelineContributor;
import org.opengru.payments.Payment;
import org.opengru.payments.PaymentService;
import org.opengru.payments.PaymentStore;
import org.opengru.payments.internal.InMemoryPaymentStore;
import org.opengru.payments.postgres.PostgresPaymentStore;
import org.opengru.payments.request.RequestPayments;
import org.opengru.payments.usager.PaymentRetention;
import org.opengru.payments.usager.PaymentTimeline;
import org.opengru.payments.usager.PaymentsSubjectData;
import org.opengru.spring.GruProperties;
import org.opengru.spring.core.GruCoreAutoConfiguration;
import org.opengru.spring.jobs.GruJobContribution;
import org.opengru.spring.storage.GruStorage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * gru-payments: PayFiP Régie for every collectivité with {@code gru.tenants.<id>.payfip} (checked at start),
 * the payment store (PostgreSQL when storage is JDBC, else memory), the payment service auditing on
 * gru-core's trail, the bridge recording payments on requests, the notification and return endpoints
 * ({@code /gru/payfip/<tenant>/notification}, {@code .../retour}), the payments' share of the RGPD export,
 * erasure, purge and timeline, and two jobs on the shared scheduler: {@code reconcile-payments} (every 5
 * minutes: read back what is pending after {@code reconcile-after}, give up what has no result after {@code
 * give-up-after}, record payments on their requests, lapse the requests unpaid in time) and {@code
 * purge-payment-data} (daily).
 */
@AutoConfiguration(after = GruCoreAutoConfiguration.class)
@ConditionalOnClass({PaymentService.class, GruCore.class})
public class GruPaymentsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    PaymentStore gruPaymentStore(GruStorage storage) {
        return storage.dataSource()
                .<PaymentStore>map(ds -> new PostgresPaymentStore(JdbcTransactions.of(ds)))
                .orElseGet(InMemoryPaymentStore::new);
    }

    @Bean
    @ConditionalOnMissingBean
    PayfipAccounts gruPayfipAccounts(GruProperties properties) {
        return PayfipAccounts.from(properties);
    }

    @Bean
    @ConditionalOnMissingBean
    PaymentService gruPaymentService(
            PayfipAccounts accounts, PaymentStore store, AuditTrail audit, Clock clock, GruCore core) {
        return new PaymentService(accounts, store, audit, clock, core.ids());
    }

    @Bean
    @ConditionalOnMissingBean
    RequestPayments gruRequestPayments(GruCore core, PaymentService payments, PaymentStore store, Clock clock) {
        return new RequestPayments(core.requests(), core.requestStore(), payments, store, clock);
    }

    /** The usager's payments and avis de paiement in their timeline (merged by the {@code Timeline} bean). */
    @Bean
    @ConditionalOnMissingBean(name = "gruPaymentTimeline")
    TimelineContributor gruPaymentTimeline(PaymentStore store) {
        return new PaymentTimeline(store);
    }

    /** The payments' share of the usager's RGPD export and erasure. */
    @Bean
    @ConditionalOnMissingBean(name = "gruPaymentsSubjectData")
    @Order(250)
    SubjectDataContributor gruPaymentsSubjectData(PaymentStore store) {
        return new PaymentsSubjectData(store);
    }

    /** Told by gru-core's purge job of each request whose retention ended: its payments lose personal data. */
    @Bean
    @ConditionalOnMissingBean(name = "gruPaymentRetention")
    RequestEndListener gruPaymentRetention(PaymentStore store, Clock clock) {
        // The period of the daily purge is per collectivité (the job below); the end of a request needs none.
        return new PaymentRetention(store, clock, java.time.Period.ofYears(1));
    }

    /** Asked by gru-core's {@code lapse-unpaid-requests} job first: a request paid or being paid never lapses. */
    @Bean
    @ConditionalOnMissingBean
    PaymentDeadlineSweeper.Check gruPaymentDeadlineCheck(RequestPayments requests) {
        return requests.check();
    }

    @Bean
    @ConditionalOnMissingBean(name = "gruPaymentsJobs")
    GruJobContribution gruPaymentsJobs(
            PayfipAccounts accounts,
            PaymentService payments,
            PaymentStore store,
            Clock clock,
            ObjectProvider<HeldPayments> held) {
        List<PayfipAccounts.Tenant> tenants = new ArrayList<>();
        accounts.tenants().forEach(tenants::add);
        List<Job> jobs = List.of(
                Job.named("reconcile-payments")
                        .every(Duration.ofMinutes(5))
                        .minimumInterval(Duration.ofSeconds(30))
                        .runs(() -> tenants.forEach(t -> {
                            // The payments read back now are then recorded on the reservations and places
                            // they pay (the notification that never came); requests are lapsed by gru-core's
                            // lapse-unpaid-requests job, which asks the check below first.
                            List<Payment> pending = store.pendingCreatedBefore(
                                    t.id(), clock.instant().minus(t.settings().reconcileAfter()), 100);
                            payments.reconcile(
                                    t.id(),
                                    t.settings().reconcileAfter(),
                                    t.settings().giveUpAfter());
                            held.ifAvailable(h -> pending.forEach(
                                    p -> store.find(t.id(), p.id()).ifPresent(h::record)));
                        })),
                Job.named("purge-payment-data")
                        .every(Duration.ofHours(24))
                        .minimumInterval(Duration.ofHours(1))
                        .runs(() -> tenants.forEach(t ->
                                new PaymentRetention(store, clock, t.settings().keepPersonalData()).run(t.id()))));
        return () -> jobs;
    }

    /** PayFiP's notification and the resident's return, in a servlet web application. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(name = "jakarta.servlet.Filter")
    static class Endpoints {

        @Bean
        @ConditionalOnMissingBean
        PayfipCallbackFilter gruPayfipCallbackFilter(
                PaymentService payments,
                RequestPayments requests,
                PayfipAccounts accounts,
                ObjectProvider<HeldPayments> held) {
            return new PayfipCallbackFilter(payments, requests, accounts, held);
        }
    }
}
