package org.opengru.spring.reports;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opengru.core.GruCore;
import org.opengru.core.catalogue.geocoding.AddressGeocoder;
import org.opengru.core.catalogue.geocoding.BanGeocoder;
import org.opengru.core.jdbc.JdbcTransactions;
import org.opengru.core.job.Job;
import org.opengru.core.notification.NotificationService;
import org.opengru.core.notification.email.SmtpSettings;
import org.opengru.core.rgpd.SubjectDataContributor;
import org.opengru.core.tenancy.TenantId;
import org.opengru.documents.storage.BlobStore;
import org.opengru.reports.FloodGuard;
import org.opengru.reports.FollowerMailer;
import org.opengru.reports.ReportNotifier;
import org.opengru.reports.ReportService;
import org.opengru.reports.ReportSettings;
import org.opengru.reports.ReportStore;
import org.opengru.reports.ReportsSubjectData;
import org.opengru.reports.postgres.PostgresFloodGuard;
import org.opengru.reports.postgres.PostgresReportStore;
import org.opengru.spring.GruProperties;
import org.opengru.spring.core.GruCoreAutoConfiguration;
import org.opengru.spring.documents.GruDocumentsAutoConfiguration;
import org.opengru.spring.jobs.GruJobContribution;
import org.opengru.spring.mail.GruMail;
import org.opengru.spring.mail.GruMailAutoConfiguration;
import org.opengru.spring.storage.GruStorage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;

/**
 * gru-reports (signalements): the settings of every tenant with {@code gru.tenants.<id>.reports} (checked at
 * start), the report store (PostgreSQL when storage is JDBC, else memory), the photos in the document
 * vault's blob store, the typed addresses geocoded by the Base Adresse Nationale ({@code
 * gru.reports.geocoder-url}), residents told through the application's {@link NotificationService} and
 * reporters without an account by e-mail through the tenant's relay, a per-origin flood limit (shared by the
 * nodes in PostgreSQL), the reports'
 * share of the RGPD export and erasure, and a daily {@code purge-reports} job.
 */
@AutoConfiguration(
        after = {GruCoreAutoConfiguration.class, GruDocumentsAutoConfiguration.class, GruMailAutoConfiguration.class})
@ConditionalOnClass({ReportService.class, GruCore.class})
public class GruReportsAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(GruReportsAutoConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    GruReports gruReports(GruProperties properties) {
        return GruReports.of(properties);
    }

    @Bean
    @ConditionalOnMissingBean
    ReportStore gruReportStore(GruStorage storage) {
        return storage.dataSource()
                .<ReportStore>map(ds -> new PostgresReportStore(JdbcTransactions.of(ds)))
                .orElseGet(ReportStore::inMemory);
    }

    /** The Base Adresse Nationale (or the copy at {@code gru.reports.geocoder-url}). */
    @Bean
    @ConditionalOnMissingBean
    AddressGeocoder gruAddressGeocoder(GruProperties properties) {
        GruProperties.ReportRules r = properties.reports();
        return BanGeocoder.builder()
                .baseUrl(r.geocoderUrl())
                .connectTimeout(r.geocoderTimeout())
                .requestTimeout(r.geocoderTimeout())
                .build();
    }

    /** E-mails to reporters without an account, through each tenant's {@code mail.smtp}. */
    @Bean
    @ConditionalOnMissingBean
    FollowerMailer gruFollowerMailer(ObjectProvider<GruMail> mail, GruProperties properties, Clock clock) {
        Map<TenantId, SmtpSettings> relays = new LinkedHashMap<>();
        mail.getIfAvailable(() -> GruMail.of(properties)).tenants().forEach((id, m) -> {
            if (m.smtp() != null) {
                relays.put(id, m.smtp());
            }
        });
        GruProperties.ReportRules r = properties.reports();
        return new SmtpFollowerMailer(
                relays,
                r.confirmationUrl(),
                r.reportUrl(),
                properties.notifications().zone(),
                clock);
    }

    /**
     * Residents through the application's notification service (their channels, their inbox), reporters
     * without an account through the {@link FollowerMailer}. Without a notification service, residents are
     * not told (their reports' pages still show where they stand): said once at start.
     */
    @Bean
    @ConditionalOnMissingBean
    ReportNotifier gruReportNotifier(ObjectProvider<NotificationService> notifications, FollowerMailer mailer) {
        NotificationService service = notifications.getIfAvailable();
        if (service != null) {
            return ReportNotifier.through(service, mailer);
        }
        log.warn("OpenGRU reports: no NotificationService, residents are not told when their reports change"
                + " (set gru.tenants.<id>.mail.smtp or define one)");
        return notice -> {
            if (notice.to() instanceof org.opengru.reports.Reporter.Anonymous a) {
                mailer.sendStatus(notice.tenant(), a.email(), notice);
            }
        };
    }

    /**
     * {@code gru.reports.flood-limit} per {@code flood-window} from one origin: shared by every node in
     * PostgreSQL (one bucket per collectivité and origin, {@code report_flood_bucket}) when storage is JDBC,
     * else counted in this JVM.
     */
    @Bean
    @ConditionalOnMissingBean
    FloodGuard gruReportFloodGuard(GruProperties properties, GruStorage storage, Clock clock) {
        GruProperties.ReportRules r = properties.reports();
        return storage.dataSource()
                .<FloodGuard>map(ds -> new PostgresFloodGuard(ds, r.floodLimit(), r.floodWindow(), clock))
                .orElseGet(() -> FloodGuard.perOrigin(r.floodLimit(), r.floodWindow(), clock));
    }

    @Bean
    @ConditionalOnMissingBean
    ReportService gruReportService(
            GruReports reports,
            ReportStore store,
            BlobStore blobs,
            ReportNotifier notifier,
            FollowerMailer mailer,
            FloodGuard floodGuard,
            AddressGeocoder geocoder,
            Clock clock) {
        ReportService.Builder b = ReportService.builder(clock, store, blobs, notifier, mailer)
                .floodGuard(floodGuard)
                .geocoder(geocoder);
        for (ReportSettings s : reports.settings()) {
            if (s.anonymousAllowed() && mailer instanceof SmtpFollowerMailer smtp && !smtp.sendsFor(s.tenant())) {
                // Fail now rather than at the first anonymous report, whose verification link would be lost.
                throw new GruReports.InvalidReportSetupException(
                        "gru.tenants." + s.tenant().value()
                                + ".reports.anonymous-allowed needs gru.tenants."
                                + s.tenant().value()
                                + ".mail.smtp (the verification e-mail), or a FollowerMailer bean of the application");
            }
            b.settings(s);
        }
        return b.build();
    }

    /** The reports' share of the usager's RGPD export and erasure. */
    @Bean
    @ConditionalOnMissingBean(name = "gruReportsSubjectData")
    @Order(250)
    SubjectDataContributor gruReportsSubjectData(ReportService reports) {
        return new ReportsSubjectData(reports);
    }

    /**
     * Daily: unverified anonymous reports whose link expired are deleted, reports closed longer than {@code
     * kept-after-closing} anonymised, and the shared flood buckets full again removed.
     */
    @Bean
    @ConditionalOnMissingBean(name = "gruReportsJobs")
    GruJobContribution gruReportsJobs(ReportService service, GruReports reports, FloodGuard floodGuard) {
        List<TenantId> tenants = reports.tenants();
        List<Job> jobs = List.of(Job.named("purge-reports")
                .every(Duration.ofHours(24))
                .minimumInterval(Duration.ofHours(1))
                .runs(() -> {
                    tenants.forEach(service::purge);
                    // The shared flood buckets full again are no longer needed (and never name an address).
                    if (floodGuard instanceof PostgresFloodGuard shared) {
                        while (shared.removeExpired(1_000) == 1_000) {
                            // next batch
                        }
                    }
                }));
        return () -> jobs;
    }
}
