package org.opengru.spring.core;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.opengru.core.GruCore;
import org.opengru.core.acknowledgment.AcknowledgmentSettings;
import org.opengru.core.audit.AuditTrail;
import org.opengru.core.catalogue.ProcedureCode;
import org.opengru.core.catalogue.ProcedureStore;
import org.opengru.core.contact.ContactLog;
import org.opengru.core.error.ValidationException;
import org.opengru.core.event.DomainEvents;
import org.opengru.core.exchange.ExchangeService;
import org.opengru.core.exchange.ExchangeStore;
import org.opengru.core.id.IdGenerator;
import org.opengru.core.id.ReferenceSequence;
import org.opengru.core.jdbc.EventLogTables;
import org.opengru.core.jdbc.PostgresPersistence;
import org.opengru.core.job.Job;
import org.opengru.core.notification.NotificationPreferenceStore;
import org.opengru.core.notification.NotificationStore;
import org.opengru.core.notification.inbox.InboxStore;
import org.opengru.core.outbox.Outbox;
import org.opengru.core.outbox.OutboxRelay;
import org.opengru.core.outbox.OutboxSubscriber;
import org.opengru.core.request.DeadlineSweeper;
import org.opengru.core.request.PaymentDeadlineSweeper;
import org.opengru.core.request.RequestService;
import org.opengru.core.request.RequestStore;
import org.opengru.core.rgpd.ConsentLedger;
import org.opengru.core.rgpd.CoreSubjectData;
import org.opengru.core.rgpd.PurgeJob;
import org.opengru.core.rgpd.RequestEndListener;
import org.opengru.core.rgpd.RetentionPolicy;
import org.opengru.core.rgpd.RetentionStore;
import org.opengru.core.rgpd.SubjectAccess;
import org.opengru.core.rgpd.SubjectDataContributor;
import org.opengru.core.satisfaction.SatisfactionStore;
import org.opengru.core.tenancy.TeamDirectory;
import org.opengru.core.tenancy.TenantId;
import org.opengru.core.timeline.Timeline;
import org.opengru.core.timeline.TimelineContributor;
import org.opengru.core.timeline.TimelineStore;
import org.opengru.core.usager.MandateStore;
import org.opengru.core.usager.UsagerStore;
import org.opengru.core.webhook.WebhookEndpoint;
import org.opengru.core.webhook.WebhookSecret;
import org.opengru.core.webhook.WebhookSender;
import org.opengru.spring.GruProperties;
import org.opengru.spring.TenantProperties;
import org.opengru.spring.jobs.GruJobContribution;
import org.opengru.spring.storage.GruStorage;
import org.opengru.spring.storage.GruStorageAutoConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * gru-core: the stores chosen from {@link GruStorage} (PostgreSQL or memory), {@link GruCore} and its
 * services, the tenants' teams and démarches from {@code gru.tenants.<id>}, the outbox relay with one
 * signed webhook per {@code gru.webhooks.<name>} plus every {@link OutboxSubscriber} bean. Every bean
 * backs off when the application defines its own.
 */
@AutoConfiguration(after = GruStorageAutoConfiguration.class)
@ConditionalOnClass(GruCore.class)
public class GruCoreAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(GruCoreAutoConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    Clock gruClock() {
        return Clock.systemUTC();
    }

    @Bean
    @ConditionalOnMissingBean
    CorePersistence gruCorePersistence(
            GruStorage storage,
            Clock clock,
            GruProperties properties,
            ObjectProvider<OutboxSubscriber> subscribers,
            ObjectProvider<EventLogTables> eventLogs) {
        TreeSet<String> names = new TreeSet<>(properties.webhooksOrEmpty().keySet());
        subscribers.orderedStream().map(OutboxSubscriber::name).forEach(names::add);
        if (!storage.isJdbc() && !names.isEmpty()) {
            log.warn(
                    "OpenGRU keeps its data in memory: {} receive the events of this node while it runs, and"
                            + " what is not delivered yet is lost at a restart. Use PostgreSQL storage (a"
                            + " DataSource) for deliveries that survive a restart and several nodes.",
                    names);
        }
        // Other modules' event logs the relay delivers from (gru-scheduling's bookings, reservations, registrations).
        GruProperties.SubmissionBatching batching = properties.submissionBatching();
        return CorePersistence.of(
                storage, clock, names, eventLogs.orderedStream().toList(), batching.maxBatch(), batching.inFlight());
    }

    @Bean
    @ConditionalOnMissingBean
    RequestStore gruRequestStore(CorePersistence persistence) {
        return persistence.requestStore();
    }

    @Bean
    @ConditionalOnMissingBean
    ReferenceSequence gruReferenceSequence(CorePersistence persistence) {
        return persistence.referenceSequence();
    }

    @Bean
    @ConditionalOnMissingBean
    Outbox gruOutbox(CorePersistence persistence) {
        return persistence.outbox();
    }

    @Bean
    @ConditionalOnMissingBean
    AuditTrail gruAuditTrail(CorePersistence persistence) {
        return persistence.auditTrail();
    }

    @Bean
    @ConditionalOnMissingBean
    TimelineStore gruTimelineStore(CorePersistence persistence) {
        return persistence.timelineStore();
    }

    /**
     * The usager's 360° timeline: gru-core's entries (requests, messages) merged with every other
     * {@link TimelineContributor} bean (appointments, documents...), newest first, keyset-paginated.
     */
    @Bean
    @ConditionalOnMissingBean
    Timeline gruTimeline(ObjectProvider<TimelineContributor> contributors) {
        return Timeline.of(contributors.orderedStream().toList());
    }

    /**
     * RGPD subject access (export) and erasure over everything held on an usager: gru-core's sections
     * first (they decide whether the identity goes), then every {@link SubjectDataContributor} bean in
     * {@code @Order} (documents, appointments, FranceConnect links last).
     */
    @Bean
    @ConditionalOnMissingBean
    SubjectAccess gruSubjectAccess(
            Clock clock,
            CorePersistence persistence,
            UsagerStore usagers,
            RequestStore requests,
            TimelineStore timeline,
            ConsentLedger consents,
            MandateStore mandates,
            ExchangeStore exchanges,
            ObjectProvider<NotificationStore> notifications,
            ObjectProvider<InboxStore> inbox,
            ObjectProvider<NotificationPreferenceStore> preferences,
            ObjectProvider<ContactLog> contacts,
            ObjectProvider<SatisfactionStore> surveys,
            ObjectProvider<SubjectDataContributor> modules) {
        List<SubjectDataContributor> all = new ArrayList<>(CoreSubjectData.contributors(
                usagers,
                requests,
                timeline,
                consents,
                persistence.postgres().map(PostgresPersistence::retentionStore).orElse(null)));
        all.add(CoreSubjectData.mandates(mandates));
        all.add(CoreSubjectData.messages(requests, exchanges));
        // The channels' stores are the host's beans when it sends notifications or logs contacts.
        NotificationStore sent = notifications.getIfAvailable();
        if (sent != null) {
            all.add(CoreSubjectData.notifications(
                    sent,
                    inbox.getIfAvailable(InboxStore::inMemory),
                    preferences.getIfAvailable(NotificationPreferenceStore::inMemory)));
        }
        contacts.ifAvailable(log -> all.add(CoreSubjectData.contacts(log)));
        surveys.ifAvailable(store -> all.add(CoreSubjectData.satisfaction(store)));
        modules.orderedStream().forEach(all::add);
        return new SubjectAccess(clock, usagers, requests, all);
    }

    /**
     * The retention of each tenant's démarches ({@code gru.tenants.<id>.retention.<démarche>}), applied by
     * gru-core's {@link PurgeJob} every 6 hours; every {@link RequestEndListener} bean (gru-documents'
     * {@code EndedRequestFiles}) is told of each request purged or anonymised. A démarche the catalogue does
     * not know fails the start, naming the property. Needs PostgreSQL: in memory nothing outlives the node.
     */
    @Bean
    @ConditionalOnMissingBean(name = "gruRetentionJobs")
    GruJobContribution gruRetentionJobs(
            GruProperties properties,
            CorePersistence persistence,
            GruCore core,
            Clock clock,
            ObjectProvider<RequestEndListener> listeners) {
        Map<TenantId, List<RetentionPolicy>> policies = new LinkedHashMap<>();
        for (String id : properties.tenantIds()) {
            TenantId tenant = TenantId.of(id);
            properties.tenant(id).retentionOrEmpty().forEach((code, r) -> {
                String property = "gru.tenants." + id + ".retention." + code;
                if (core.procedures().latest(tenant, ProcedureCode.of(code)).isEmpty()) {
                    throw new InvalidTenantSetupException(property, "names no démarche of " + id, null);
                }
                policies.computeIfAbsent(tenant, t -> new ArrayList<>())
                        .add(new RetentionPolicy(ProcedureCode.of(code), r.active(), r.archive(), r.endOfLife()));
            });
        }
        if (policies.isEmpty()) {
            return List::of;
        }
        if (persistence.postgres().isEmpty()) {
            log.warn(
                    "OpenGRU keeps its data in memory: the retention periods of {} are not applied (nothing"
                            + " outlives the node). Use PostgreSQL storage (a DataSource) to apply them.",
                    policies.keySet());
            return List::of;
        }
        RetentionStore store = persistence.postgres().get().retentionStore();
        List<RequestEndListener> told = listeners.orderedStream().toList();
        RequestEndListener listener = (tenant, request, how) -> told.forEach(l -> l.ended(tenant, request, how));
        List<Job> jobs = new ArrayList<>();
        policies.forEach((tenant, list) -> {
            PurgeJob job = new PurgeJob(store, clock, list, 200, listener);
            jobs.add(Job.named("retention-" + tenant.value())
                    .every(Duration.ofHours(6))
                    .minimumInterval(Duration.ofMinutes(1))
                    .runs(() -> job.run(tenant)));
        });
        return () -> jobs;
    }

    /**
     * The lapse of the requests not paid in time ({@code lapse-unpaid-requests}, every 5 minutes, once across
     * the nodes): {@link PaymentDeadlineSweeper#sweepAll} over every collectivité of {@code gru.tenants}, with
     * or without an online payment service, since a payment may also be recorded at the counter. A {@link
     * PaymentDeadlineSweeper.Check} bean (gru-payments' {@code RequestPayments.check()}) is asked first about
     * each request, so one paid or being paid online never lapses.
     */
    @Bean
    @ConditionalOnMissingBean(name = "gruPaymentDeadlineJobs")
    GruJobContribution gruPaymentDeadlineJobs(
            GruProperties properties, GruCore core, Clock clock, ObjectProvider<PaymentDeadlineSweeper.Check> check) {
        PaymentDeadlineSweeper sweeper = new PaymentDeadlineSweeper(
                core.requests(),
                core.requestStore(),
                core.procedures(),
                clock,
                check.getIfAvailable(() -> awaiting -> false));
        List<TenantId> tenants = new ArrayList<>();
        properties.tenantIds().forEach(id -> tenants.add(TenantId.of(id)));
        List<Job> jobs = List.of(Job.named("lapse-unpaid-requests")
                .every(Duration.ofMinutes(5))
                .minimumInterval(Duration.ofSeconds(30))
                .runs(() -> sweeper.sweepAll(tenants)));
        return () -> jobs;
    }

    @Bean
    @ConditionalOnMissingBean
    ProcedureStore gruProcedureStore(CorePersistence persistence) {
        return persistence.procedureStore();
    }

    @Bean
    @ConditionalOnMissingBean
    UsagerStore gruUsagerStore(CorePersistence persistence) {
        return persistence.usagerStore();
    }

    @Bean
    @ConditionalOnMissingBean
    MandateStore gruMandateStore(CorePersistence persistence) {
        return persistence.mandateStore();
    }

    @Bean
    @ConditionalOnMissingBean
    TeamDirectory gruTeamDirectory(CorePersistence persistence) {
        return persistence.teamDirectory();
    }

    @Bean
    @ConditionalOnMissingBean
    ExchangeStore gruExchangeStore(CorePersistence persistence) {
        return persistence.exchangeStore();
    }

    @Bean
    @ConditionalOnMissingBean
    ConsentLedger gruConsentLedger(CorePersistence persistence) {
        return persistence.consentLedger();
    }

    @Bean
    @ConditionalOnMissingBean
    GruCore gruCore(
            Clock clock,
            RequestStore requests,
            ReferenceSequence references,
            ProcedureStore procedures,
            UsagerStore usagers,
            MandateStore mandates,
            TeamDirectory teams,
            ExchangeStore exchanges,
            GruProperties properties,
            ApplicationContext context) {
        new TenantSetup(properties, context.getClassLoader()).apply(procedures, teams);
        GruCore.Builder builder = GruCore.builder()
                .clock(clock)
                .requestStore(requests)
                .referenceSequence(references)
                .procedureStore(procedures)
                .usagerStore(usagers)
                .mandateStore(mandates)
                .teamDirectory(teams)
                .exchangeStore(exchanges);
        for (String id : properties.tenantIds()) {
            TenantProperties tenant = properties.tenant(id);
            if (tenant.name() != null) {
                builder.acknowledgmentSettings(TenantId.of(id), AcknowledgmentSettings.standard(tenant.name()));
            }
        }
        return builder.build();
    }

    @Bean
    @ConditionalOnMissingBean
    RequestService gruRequestService(GruCore core) {
        return core.requests();
    }

    @Bean
    @ConditionalOnMissingBean
    ExchangeService gruExchangeService(GruCore core) {
        return core.exchanges();
    }

    @Bean
    @ConditionalOnMissingBean
    DeadlineSweeper gruDeadlineSweeper(GruCore core) {
        return core.deadlineSweeper();
    }

    @Bean
    @ConditionalOnMissingBean
    DomainEvents gruDomainEvents(GruCore core) {
        return core.events();
    }

    @Bean
    @ConditionalOnMissingBean
    IdGenerator gruIdGenerator(GruCore core) {
        return core.ids();
    }

    /** Registered by Spring Boot's Jackson auto-configuration in the application's JsonMapper. */
    @Bean
    @ConditionalOnMissingBean
    GruJacksonModule gruJacksonModule(ApplicationContext context) {
        return new GruJacksonModule(context.getClassLoader());
    }

    /** The relay: a plain bean, called by the job scheduler unless {@code gru.jobs.enabled=false}. */
    @Bean
    @ConditionalOnMissingBean
    OutboxRelay gruOutboxRelay(
            Outbox outbox,
            Clock clock,
            GruProperties properties,
            ObjectProvider<OutboxSubscriber> subscribers,
            ObjectProvider<OutboxDeliveryObserver> observers) {
        List<OutboxDeliveryObserver> watching = observers.orderedStream().toList();
        OutboxRelay.Builder relay = OutboxRelay.builder(outbox, clock);
        List<OutboxSubscriber> all = new ArrayList<>(subscribers.orderedStream().toList());
        // One retry policy per relay: the most patient of the webhooks' (10 attempts when none is set).
        int maxAttempts = 0;
        for (Map.Entry<String, GruProperties.Webhook> webhook :
                properties.webhooksOrEmpty().entrySet()) {
            GruProperties.Webhook w = webhook.getValue();
            all.add(WebhookSender.create(
                    new WebhookEndpoint(
                            webhook.getKey(),
                            w.url(),
                            WebhookSecret.of(w.secret().reveal()),
                            w.timeout()),
                    clock));
            maxAttempts = Math.max(maxAttempts, w.maxAttempts());
        }
        for (OutboxSubscriber s : all) {
            relay.subscriber(watching.isEmpty() ? s : new ObservedSubscriber(s, watching));
        }
        relay.retry(maxAttempts == 0 ? 10 : maxAttempts, Duration.ofSeconds(5), Duration.ofHours(1));
        Duration lease = properties.jobs().outboxRelayLease();
        if (lease != null) {
            for (OutboxSubscriber s : all) {
                if (lease.compareTo(s.timeout()) < 0) {
                    throw new ValidationException(
                            "gru.jobs.outbox-relay-lease",
                            lease,
                            "is shorter than the longest call " + s.timeout() + " of subscriber " + s.name()
                                    + " (for a webhook: gru.webhooks." + s.name() + ".timeout plus 5 s to connect)");
                }
            }
            relay.lease(lease);
        }
        return relay.build();
    }
}
