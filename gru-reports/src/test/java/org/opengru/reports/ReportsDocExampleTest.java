package org.opengru.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opengru.core.id.AgentId;
import org.opengru.core.id.TeamId;
import org.opengru.core.id.UsagerId;
import org.opengru.core.notification.NotificationService;
import org.opengru.core.notification.NotificationStore;
import org.opengru.core.notification.inbox.InAppSender;
import org.opengru.core.notification.inbox.InboxStore;
import org.opengru.core.outbox.Outbox;
import org.opengru.core.tenancy.TenantId;
import org.opengru.core.value.EmailAddress;
import org.opengru.documents.storage.BlobStore;
import org.opengru.reports.opendata.ReportsOpenData;

/** The code of docs/signalements.md, run. */
class ReportsDocExampleTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);

    private final NotificationService notifications = NotificationService.builder(
                    CLOCK, Outbox.inMemory(CLOCK, Set.of(NotificationService.SUBSCRIBER)))
            .store(NotificationStore.inMemory())
            .sender(new InAppSender(InboxStore.inMemory()))
            .build();
    private final FollowerMailer mailer = new FollowerMailer() {
        @Override
        public void sendVerification(TenantId t, EmailAddress to, ReportId r, String token, Instant expiresAt) {}

        @Override
        public void sendStatus(TenantId t, EmailAddress to, ReportNotice notice) {}
    };

    @Test
    void theDocsExampleRuns() {
        Clock clock = CLOCK;
        // tag::settings[]
        TenantId commune = TenantId.of("villeurbanne");
        ReportSettings settings = ReportSettings.builder(
                        commune,
                        Area.polygon(List.of( // the commune's outline, [lat, lon] in WGS84
                                new GeoPoint(45.75, 4.86),
                                new GeoPoint(45.75, 4.92),
                                new GeoPoint(45.79, 4.92),
                                new GeoPoint(45.79, 4.86))),
                        TeamId.of("accueil")) // the team of what no rule routes
                .category("depot-sauvage", "Dépôt sauvage")
                .category("eclairage", "Éclairage public")
                .zone(new Zone(
                        "gratte-ciel",
                        "Gratte-Ciel",
                        Area.polygon(List.of(
                                new GeoPoint(45.76, 4.87),
                                new GeoPoint(45.76, 4.89),
                                new GeoPoint(45.775, 4.89),
                                new GeoPoint(45.775, 4.87)))))
                .route("eclairage", null, TeamId.of("voirie")) // every street light, anywhere
                .route("depot-sauvage", "gratte-ciel", TeamId.of("proprete-centre"))
                .anonymousAllowed(true) // without an account, once the e-mail is verified
                .duplicateRadiusMetres(50)
                .build();
        // end::settings[]

        // tag::service[]
        ReportService reports = ReportService.builder(
                        clock,
                        ReportStore.inMemory(), // or new PostgresReportStore(JdbcTransactions.of(dataSource))
                        BlobStore.inMemory(), // where the stripped photos go (gru-documents' port)
                        ReportNotifier.through(notifications, mailer), // residents via gru-core, e-mails via the host
                        mailer)
                .settings(settings)
                .floodGuard(FloodGuard.perOrigin(10, Duration.ofHours(1), clock))
                .build();
        // end::service[]

        UsagerId usagerId = UsagerId.of(UUID.randomUUID());
        byte[] photo = ReportsFixture.jpeg(new GeoPoint(45.768, 4.88), null);
        // tag::file[]
        GeoPoint here = reports.suggestLocation(commune, photo) // the photo's EXIF position, if any
                .orElse(new GeoPoint(45.768, 4.880));
        List<NearbyReport> already = reports.nearby(commune, "depot-sauvage", here);
        Report report;
        if (!already.isEmpty()) { // "Déjà signalé : +1"
            report = reports.support(commune, already.get(0).id(), Reporter.resident(usagerId), "203.0.113.7");
        } else {
            Filing filing = reports.file(ReportDraft.by(commune, Reporter.resident(usagerId), "203.0.113.7")
                    .category("depot-sauvage")
                    .at(here)
                    .description("Des sacs de gravats au pied de l'arbre.")
                    .photo(photo)); // stored without its EXIF
            report = filing.report(); // RECEIVED, routed to proprete-centre, its author told
        }
        // end::file[]
        assertThat(report.team()).isEqualTo(TeamId.of("proprete-centre"));

        // tag::agents[]
        AgentId agent = AgentId.of("mdupont");
        List<Report> todo = reports.list(ReportQuery.all(commune)
                .category("depot-sauvage")
                .zone("gratte-ciel")
                .status(ReportStatus.RECEIVED));
        reports.changeStatus(commune, todo.stream().map(Report::id).toList(), ReportStatus.IN_PROGRESS, agent);
        // end::agents[]

        // tag::public[]
        List<PublicReport> page = reports.publicReports(commune, 200); // no description, address nor reporter
        ReportsOpenData openData = new ReportsOpenData(5); // counts under 5 left empty
        List<ReportsOpenData.Row> march = openData.rows(reports, commune, YearMonth.of(2026, 3));
        String csv = openData.csv(march);
        String geoJson = openData.geoJson(march, settings);
        // end::public[]
        assertThat(page).hasSize(1);
        assertThat(csv).startsWith(ReportsOpenData.HEADER);
        assertThat(geoJson).contains("FeatureCollection");
    }
}
