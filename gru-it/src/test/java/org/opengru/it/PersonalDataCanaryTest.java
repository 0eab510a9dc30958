package org.opengru.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.opengru.core.GruCore;
import org.opengru.core.catalogue.DocumentTypeCode;
import org.opengru.core.catalogue.FormData;
import org.opengru.core.catalogue.ProcedureCode;
import org.opengru.core.catalogue.ProcedureDefinitions;
import org.opengru.core.contact.ContactLog;
import org.opengru.core.contact.ContactService;
import org.opengru.core.contact.Direction;
import org.opengru.core.exchange.Visibility;
import org.opengru.core.id.AgentId;
import org.opengru.core.id.EventId;
import org.opengru.core.id.IdGenerator;
import org.opengru.core.id.RequestId;
import org.opengru.core.id.TeamId;
import org.opengru.core.id.UsagerId;
import org.opengru.core.intake.Channel;
import org.opengru.core.jdbc.JdbcTransactions;
import org.opengru.core.jdbc.PostgresPersistence;
import org.opengru.core.notification.Attachment;
import org.opengru.core.notification.LanguageRegister;
import org.opengru.core.notification.Notification;
import org.opengru.core.notification.NotificationId;
import org.opengru.core.notification.NotificationKind;
import org.opengru.core.notification.NotificationPreferenceStore;
import org.opengru.core.notification.NotificationPreferences;
import org.opengru.core.notification.NotificationStatus;
import org.opengru.core.notification.NotificationStore;
import org.opengru.core.notification.RenderedMessage;
import org.opengru.core.notification.inbox.InboxItem;
import org.opengru.core.notification.inbox.InboxStore;
import org.opengru.core.principal.AgentPrincipal;
import org.opengru.core.principal.Principal;
import org.opengru.core.principal.UsagerPrincipal;
import org.opengru.core.proof.DataProof;
import org.opengru.core.proof.DataProofProvider;
import org.opengru.core.request.NewRequest;
import org.opengru.core.request.Request;
import org.opengru.core.rgpd.CoreSubjectData;
import org.opengru.core.rgpd.EndOfLife;
import org.opengru.core.rgpd.Erasure;
import org.opengru.core.rgpd.PurgeJob;
import org.opengru.core.rgpd.RequestEndListener;
import org.opengru.core.rgpd.RetentionPolicy;
import org.opengru.core.rgpd.SubjectAccess;
import org.opengru.core.rgpd.SubjectDataContributor;
import org.opengru.core.satisfaction.SatisfactionService;
import org.opengru.core.satisfaction.SatisfactionStore;
import org.opengru.core.satisfaction.SurveyInvitation;
import org.opengru.core.satisfaction.SurveyOccasion;
import org.opengru.core.tenancy.Team;
import org.opengru.core.tenancy.TenantId;
import org.opengru.core.usager.Contact;
import org.opengru.core.usager.NotificationChannel;
import org.opengru.core.usager.Person;
import org.opengru.core.value.EmailAddress;
import org.opengru.core.value.PhoneNumber;
import org.opengru.core.value.PostalAddress;
import org.opengru.documents.crypto.EnvelopeEncryption;
import org.opengru.documents.crypto.StaticKeyProvider;
import org.opengru.documents.ingest.DocumentIngestor;
import org.opengru.documents.ingest.UploadRequest;
import org.opengru.documents.reuse.PieceReuse;
import org.opengru.documents.scan.VirusScanner;
import org.opengru.documents.storage.BlobStore;
import org.opengru.documents.store.DocumentStore;
import org.opengru.documents.types.DocumentFacts;
import org.opengru.documents.types.DocumentTypes;
import org.opengru.documents.vault.DocumentVault;
import org.opengru.franceconnect.link.AccountLink;
import org.opengru.franceconnect.link.AccountLinkSubjectData;
import org.opengru.franceconnect.link.LinkBasis;
import org.opengru.franceconnect.link.PostgresAccountLinkStore;
import org.opengru.payments.OperationId;
import org.opengru.payments.Payment;
import org.opengru.payments.PaymentId;
import org.opengru.payments.PaymentOrder;
import org.opengru.payments.postgres.PostgresPaymentStore;
import org.opengru.payments.usager.PaymentRetention;
import org.opengru.payments.usager.PaymentsSubjectData;
import org.opengru.reports.Area;
import org.opengru.reports.FloodGuard;
import org.opengru.reports.FollowerMailer;
import org.opengru.reports.GeoPoint;
import org.opengru.reports.ReportDraft;
import org.opengru.reports.ReportId;
import org.opengru.reports.ReportNotice;
import org.opengru.reports.ReportService;
import org.opengru.reports.ReportSettings;
import org.opengru.reports.Reporter;
import org.opengru.reports.ReportsSubjectData;
import org.opengru.reports.postgres.PostgresReportStore;
import org.opengru.scheduling.booking.BookingPolicy;
import org.opengru.scheduling.booking.BookingRequest;
import org.opengru.scheduling.booking.BookingResult;
import org.opengru.scheduling.booking.BookingService;
import org.opengru.scheduling.booking.RateLimiter;
import org.opengru.scheduling.booking.SiteDirectory;
import org.opengru.scheduling.postgres.PostgresBookingStore;
import org.opengru.scheduling.postgres.PostgresRegistrationStore;
import org.opengru.scheduling.postgres.PostgresReservationStore;
import org.opengru.scheduling.registration.EventSession;
import org.opengru.scheduling.registration.RegistrationService;
import org.opengru.scheduling.registration.SessionId;
import org.opengru.scheduling.reservation.Reservation;
import org.opengru.scheduling.reservation.ReservationRequest;
import org.opengru.scheduling.reservation.ReservationService;
import org.opengru.scheduling.reservation.UsagerCategory;
import org.opengru.scheduling.usager.ReservationsSubjectData;
import org.opengru.scheduling.usager.SchedulingSubjectData;
import org.opengru.test.MutableClock;
import org.opengru.test.postgres.EmbeddedPostgresExtension;
import org.opengru.test.postgres.PostgresDatabase;
import org.opengru.test.reservation.ReservationContract;
import org.opengru.test.scheduling.SchedulingFixture;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The canary (issue 15, item 5): one usager's requests are filled, in every personal field, message,
 * note, file name, notification, in-app item, contact, survey answer and data proof, with a marker
 * found nowhere else; then the end of the request's retention (purge, and separately anonymisation) or
 * the usager's erasure runs, and every text, JSON, array and binary column of every table of every
 * module is swept for the marker (a signalement's description among them). The request's id may stay only where the data map says the law keeps
 * it. Before the change that reached every table, the purge left the marker in the outbox, the messages,
 * the notifications, the inbox, the contacts and the survey answers (shown by running it on that code).
 */
@ExtendWith(EmbeddedPostgresExtension.class)
class PersonalDataCanaryTest {

    private static final Instant T0 = SchedulingFixture.MONDAY_9AM.minus(Duration.ofDays(30));
    private static final TenantId TENANT = SchedulingFixture.TENANT;
    private static final String PROCEDURE = """
            {"code": "inscription-centre-loisirs", "version": 1, "title": "Inscription au centre de loisirs",
             "team": "enfance", "openTo": ["PERSON"], "retention": "P3Y",
             "schema": [{"name": "observations", "label": "Observations", "type": "TEXT", "required": true}]}
            """;

    private final MutableClock clock = new MutableClock(T0);
    private final DataSource dataSource;
    private final PostgresPersistence pg;
    private final GruCore core;
    private final NotificationStore notifications;
    private final InboxStore inbox;
    private final NotificationPreferenceStore preferences;
    private final ContactLog contacts;
    private final SatisfactionStore surveys;
    private final DocumentVault vault;
    private final PieceReuse reuse;
    private final BookingService bookings;
    private final PostgresAccountLinkStore links;
    private final PostgresPaymentStore payments;
    private final ReservationService reservations;
    private final RegistrationService registrations;
    private final ReportService reports;
    private final AgentPrincipal agent = Principal.agent(TENANT, AgentId.of("mdupont"), Set.of(TeamId.of("enfance")));

    PersonalDataCanaryTest(PostgresDatabase db, @TempDir Path blobs) {
        dataSource = db.dataSource();
        AllModules.migrate(dataSource);
        pg = PostgresPersistence.builder(dataSource, clock)
                .outboxSubscribers(Set.of("logiciel-metier"))
                .build();
        core = GruCore.builder()
                .clock(clock)
                .requestStore(pg.requestStore())
                .exchangeStore(pg.exchangeStore())
                .procedureStore(pg.procedureStore())
                .usagerStore(pg.usagerStore())
                .mandateStore(pg.mandateStore())
                .teamDirectory(pg.teamDirectory())
                .referenceSequence(pg.referenceSequence())
                .build();
        core.teams()
                .save(new Team(
                        TENANT,
                        TeamId.of("enfance"),
                        "Service enfance",
                        PostalAddress.france(List.of("1 place de la Mairie"), "69100", "Villeurbanne"),
                        EmailAddress.parse("enfance@mairie.example.fr"),
                        PhoneNumber.parse("04 78 03 67 67")));
        if (core.procedures()
                .latest(TENANT, ProcedureCode.of("inscription-centre-loisirs"))
                .isEmpty()) {
            core.procedures().define(TENANT, new ProcedureDefinitions().fromJson(PROCEDURE));
        }
        notifications = NotificationStore.postgres(pg.transactions());
        inbox = InboxStore.postgres(pg.transactions());
        preferences = NotificationPreferenceStore.postgres(pg.transactions());
        contacts = ContactLog.postgres(pg.transactions());
        surveys = SatisfactionStore.postgres(pg.transactions());
        vault = DocumentVault.builder()
                .clock(clock)
                .store(DocumentStore.postgres(dataSource))
                .ingestor(DocumentIngestor.builder()
                        .blobStore(BlobStore.fileSystem(blobs))
                        .encryption(new EnvelopeEncryption(StaticKeyProvider.generated("test")))
                        .scanner(VirusScanner.unscanned())
                        .build())
                .representations(new org.opengru.core.usager.Representations(pg.usagerStore(), pg.mandateStore()))
                .requestVisibility(
                        org.opengru.documents.vault.RequestVisibility.of(pg.requestStore(), core.accessPolicy()))
                .build();
        reuse = new PieceReuse(vault, DataProofProvider.none(), clock, IdGenerator.create(clock), e -> {});
        bookings = new BookingService(
                new PostgresBookingStore(dataSource, Set.of("logiciel-metier")),
                SiteDirectory.of(List.of(SchedulingFixture.setup())),
                BookingPolicy.defaults(),
                clock,
                IdGenerator.create(clock),
                RateLimiter.unlimited(),
                e -> {});
        links = new PostgresAccountLinkStore(dataSource);
        payments = new PostgresPaymentStore(JdbcTransactions.of(dataSource));
        org.opengru.core.usager.Representations representations =
                new org.opengru.core.usager.Representations(pg.usagerStore(), pg.mandateStore());
        reservations = new ReservationService(
                new PostgresReservationStore(dataSource),
                List.of(ReservationContract.hall()),
                representations,
                clock,
                IdGenerator.create(clock));
        registrations = new RegistrationService(
                new PostgresRegistrationStore(dataSource), representations, clock, IdGenerator.create(clock));
        reports = ReportService.builder(
                        clock,
                        new PostgresReportStore(pg.transactions()),
                        BlobStore.fileSystem(blobs.resolve("reports")),
                        notice -> {},
                        new FollowerMailer() {
                            @Override
                            public void sendVerification(
                                    TenantId t, EmailAddress to, ReportId r, String token, Instant expiresAt) {}

                            @Override
                            public void sendStatus(TenantId t, EmailAddress to, ReportNotice notice) {}
                        })
                .settings(ReportSettings.builder(
                                TENANT,
                                Area.polygon(List.of(
                                        new GeoPoint(41, -5),
                                        new GeoPoint(41, 10),
                                        new GeoPoint(52, 10),
                                        new GeoPoint(52, -5))),
                                TeamId.of("enfance"))
                        .category("depot-sauvage", "Dépôt sauvage")
                        .build())
                .floodGuard(FloodGuard.unlimited())
                .build();
    }

    @Test
    void thePurgeLeavesNothingOfTheRequestBehind() throws SQLException {
        // A payment made for the request keeps its subject (request:<id>): what the régie's accounts paid for.
        endOfRetentionLeavesNoMarker(
                EndOfLife.PURGE, Set.of("gru_request_event", "gru_consent", "gru_document_consent", "payment"));
    }

    @Test
    void theAnonymisationLeavesNothingPersonalOfTheRequestBehind() throws SQLException {
        // The anonymised request, its events and its survey invitation keep the request's own id.
        endOfRetentionLeavesNoMarker(
                EndOfLife.ANONYMISE,
                Set.of(
                        "gru_request_event",
                        "gru_consent",
                        "gru_document_consent",
                        "gru_request",
                        "gru_survey_invitation",
                        "payment"));
    }

    private void endOfRetentionLeavesNoMarker(EndOfLife how, Set<String> mayKeepTheRequestId) throws SQLException {
        String marker = marker();
        UsagerId alice = person("Martin", "Alice");
        UsagerPrincipal aliceActs = Principal.usager(TENANT, alice);
        Request r = core.requests()
                .create(
                        aliceActs,
                        new NewRequest(
                                ProcedureCode.of("inscription-centre-loisirs"),
                                alice,
                                Channel.WEB,
                                FormData.of("observations", "Mon fils a une allergie aux arachides " + marker),
                                List.of(),
                                null),
                        null);
        core.requests().submit(aliceActs, r.id(), null);
        core.requests().startReview(agent, r.id(), null);
        var question = core.exchanges()
                .post(agent, r.id(), Visibility.SHARED, "Quel traitement ? " + marker, List.of(), Channel.WEB, null);
        core.exchanges()
                .post(
                        aliceActs,
                        r.id(),
                        Visibility.SHARED,
                        "Un stylo d'adrénaline " + marker,
                        List.of(),
                        Channel.WEB,
                        null);
        core.exchanges()
                .post(
                        agent,
                        r.id(),
                        Visibility.INTERNAL_NOTE,
                        "Prévenir la cantine " + marker,
                        List.of(),
                        Channel.WEB,
                        null);
        core.exchanges().markRead(aliceActs, question.id());
        byte[] pdf = pdf(marker);
        reuse.uploadAndAttach(
                aliceActs,
                alice,
                r.id(),
                r.procedure().code(),
                DocumentTypes.MESSAGE_ATTACHMENT,
                UploadRequest.of("certificat-" + marker + ".pdf").withDeclaredSize(pdf.length),
                new ByteArrayInputStream(pdf),
                Channel.WEB);
        reuse.attachProof(
                aliceActs,
                alice,
                r.id(),
                new DataProof(
                        DocumentTypeCode.of("attestation-caf"),
                        "API Particulier — CNAF",
                        "Quotient familial " + marker,
                        clock.instant(),
                        LocalDate.of(2026, 12, 31),
                        Map.of("quotient_familial", marker)));
        notifications.add(notification(alice, r.id(), null, marker));
        inbox.add(new InboxItem(
                UUID.randomUUID(),
                TENANT,
                alice,
                NotificationKind.AGENT_MESSAGE,
                r.id(),
                "Nouveau message " + marker,
                "Le service vous a écrit " + marker,
                clock.instant(),
                null));
        new ContactService(contacts, core.requestStore(), core.usagers(), clock, IdGenerator.create(clock))
                .record(
                        agent,
                        new ContactService.Entry(
                                Channel.PHONE,
                                Direction.INBOUND,
                                alice,
                                r.id(),
                                "Appel " + marker,
                                "La mère précise l'allergie " + marker,
                                clock.instant()));
        core.requests().reject(agent, r.id(), "Dossier incomplet " + marker, null);
        SatisfactionService satisfaction =
                new SatisfactionService(surveys, clock, IdGenerator.create(clock), Duration.ofDays(30));
        SurveyInvitation invitation = satisfaction.invite(
                TENANT,
                alice,
                SurveyOccasion.REQUEST_DECIDED,
                r.id().toString(),
                r.procedure().code().value(),
                Channel.WEB);
        satisfaction.answer(aliceActs, invitation.id(), 2, "Trop long " + marker);
        payments.insert(payment(alice, PaymentRetention.subjectOf(r.id()), marker));

        assertThat(tablesHolding(marker))
                .as("the marker is where the request put it (the sweep sees it)")
                .doesNotContain("gru_outbox")
                .contains(
                        "gru_request",
                        "gru_request_event",
                        "gru_message",
                        // Not gru_outbox: the relay reads request events from the log, and the request
                        // document stays in its row (issue 22).
                        "gru_notification",
                        "gru_inbox",
                        "gru_contact",
                        "gru_survey_response",
                        "gru_document_version",
                        "gru_document_proof",
                        "payment");

        clock.advance(Duration.ofDays(4 * 366));
        RequestEndListener files = vault.endedRequestFiles(pg.requestStore());
        RequestEndListener paid = new PaymentRetention(payments, clock, Period.ofYears(10));
        new PurgeJob(
                        pg.retentionStore(),
                        clock,
                        List.of(new RetentionPolicy(r.procedure().code(), Period.ofYears(1), Period.ofYears(2), how)),
                        50,
                        (tenant, request, end) -> {
                            files.ended(tenant, request, end);
                            paid.ended(tenant, request, end);
                        })
                .run(TENANT);

        assertThat(tablesHolding(marker))
                .as("columns still holding the marker after " + how)
                .isEmpty();
        assertThat(tablesHolding(r.id().toString()))
                .as("tables still naming the request")
                .isSubsetOf(mayKeepTheRequestId);
    }

    @Test
    void erasureLeavesNothingOfTheUsagerBehindAndTheExportShowedItAll() throws SQLException {
        String marker = marker();
        UsagerId bob = person(marker, "Bob");
        UsagerPrincipal bobActs = Principal.usager(TENANT, bob);
        Request draft = core.requests()
                .create(
                        bobActs,
                        NewRequest.of(
                                "inscription-centre-loisirs", bob, Channel.WEB, FormData.of("observations", marker)),
                        null);
        core.exchanges()
                .post(bobActs, draft.id(), Visibility.SHARED, "Question " + marker, List.of(), Channel.WEB, null);
        byte[] pdf = pdf(marker);
        vault.upload(
                bobActs,
                bob,
                DocumentTypes.PROOF_OF_ADDRESS,
                DocumentFacts.issued(LocalDate.of(2026, 1, 5)),
                Channel.WEB,
                UploadRequest.of("facture-" + marker + ".pdf").withDeclaredSize(pdf.length),
                new ByteArrayInputStream(pdf));
        String appointment = UUID.randomUUID().toString();
        notifications.add(notification(bob, null, appointment, marker));
        inbox.add(new InboxItem(
                UUID.randomUUID(),
                TENANT,
                bob,
                NotificationKind.APPOINTMENT_BOOKED,
                null,
                "Rendez-vous " + marker,
                "Votre rendez-vous " + marker,
                clock.instant(),
                null));
        preferences.save(new NotificationPreferences(
                TENANT,
                bob,
                List.of(NotificationChannel.EMAIL, NotificationChannel.PORTAL),
                EmailAddress.parse(marker + "@exemple.fr"),
                null,
                null,
                null,
                null,
                LanguageRegister.PLAIN));
        new ContactService(contacts, core.requestStore(), core.usagers(), clock, IdGenerator.create(clock))
                .record(
                        agent,
                        new ContactService.Entry(
                                Channel.COUNTER,
                                Direction.INBOUND,
                                bob,
                                null,
                                "Visite " + marker,
                                "Il demande ses droits " + marker,
                                clock.instant()));
        SatisfactionService satisfaction =
                new SatisfactionService(surveys, clock, IdGenerator.create(clock), Duration.ofDays(30));
        SurveyInvitation invitation = satisfaction.invite(
                TENANT, bob, SurveyOccasion.APPOINTMENT_ATTENDED, appointment, "passeport-cni", Channel.WEB);
        satisfaction.answer(bobActs, invitation.id(), 4, "Accueil aimable " + marker);
        clock.set(SchedulingFixture.MONDAY_9AM);
        BookingResult.Booked booked = (BookingResult.Booked) bookings.book(BookingRequest.online(
                        TENANT,
                        SchedulingFixture.SITE,
                        SchedulingFixture.CIVIL,
                        SchedulingFixture.MONDAY_9AM.plus(Duration.ofDays(1)).plus(Duration.ofHours(2)),
                        bob)
                .withIdempotencyKey(org.opengru.core.idempotency.IdempotencyKey.of("rdv-" + marker)));
        bookings.cancelByAgent(SchedulingFixture.DESK_AGENT, booked.booking().id(), "Absent pour maladie " + marker);
        Instant tenOClock =
                SchedulingFixture.MONDAY_9AM.plus(Duration.ofDays(5)).plus(Duration.ofHours(1));
        Reservation refused = reservations.request(
                bobActs,
                new ReservationRequest(
                        TENANT,
                        ReservationContract.HALL,
                        bob,
                        UsagerCategory.RESIDENT,
                        tenOClock,
                        tenOClock.plus(Duration.ofHours(4)),
                        Map.of(ReservationContract.INSURANCE, "assurance-" + marker)));
        reservations.reject(ReservationContract.AGENT, refused.id(), "Dossier de " + marker + " incomplet");
        reservations.request(
                bobActs,
                new ReservationRequest(
                        TENANT,
                        ReservationContract.HALL,
                        bob,
                        UsagerCategory.RESIDENT,
                        tenOClock.plus(Duration.ofDays(1)),
                        tenOClock.plus(Duration.ofDays(1)).plus(Duration.ofHours(4)),
                        Map.of(ReservationContract.INSURANCE, "police-" + marker)));
        SessionId week = SessionId.of("semaine-" + UUID.randomUUID().toString().substring(0, 8));
        registrations.declare(new EventSession(
                TENANT,
                week,
                "centre-de-loisirs",
                "Centre de loisirs",
                clock.instant().plus(Duration.ofDays(30)),
                10,
                2,
                clock.instant().plus(Duration.ofDays(20)),
                0,
                Duration.ofDays(1),
                Set.of(ReservationContract.ASSOCIATIONS)));
        registrations.register(bobActs, week, bob);
        links.save(new AccountLink(
                TENANT,
                "https://fcp.integ01.dev-franceconnect.fr/api/v1",
                "sub-" + marker,
                bob,
                LinkBasis.CREATED,
                clock.instant(),
                "usager:" + bob));
        payments.insert(payment(bob, "booking:salle-des-fetes", marker));

        reports.file(ReportDraft.by(TENANT, Reporter.resident(bob), "203.0.113.7")
                .category("depot-sauvage")
                .at(new GeoPoint(45.77, 4.88))
                .description("Gravats devant chez " + marker));

        SubjectAccess access = subjectAccess();
        JsonNode export = JsonMapper.builder().build().readTree(access.export(TENANT, bob));
        for (String section : List.of(
                "usager",
                "requests",
                "messages",
                "notifications",
                "contacts",
                "satisfaction",
                "documents",
                "appointments",
                "reservations",
                "franceconnect",
                "reports",
                "payments")) {
            assertThat(export.at("/sections/" + section).toString())
                    .as("the export's " + section + " section shows the marker")
                    .contains(marker);
        }
        assertThat(access.readable().missingLabels(export))
                .as("keys and codes the readable export would show without a French label")
                .isEmpty();
        assertThat(access.exportReadable(TENANT, bob)).contains(marker, "Votre identité");
        assertThat(tablesHolding(marker))
                .contains("gru_usager", "scheduling_booking_event", "franceconnect_account_link", "report", "payment");

        Erasure erasure = access.erase(TENANT, bob);

        assertThat(erasure.status()).isEqualTo(Erasure.Status.DONE);
        assertThat(tablesHolding(marker))
                .as("columns still holding the marker after erasure")
                .isEmpty();
    }

    private SubjectAccess subjectAccess() {
        // tag::subject-access[]
        List<SubjectDataContributor> all = new ArrayList<>(CoreSubjectData.contributors(
                core.usagers(), pg.requestStore(), pg.timelineStore(), pg.consentLedger(), pg.retentionStore()));
        all.add(CoreSubjectData.mandates(core.mandates()));
        all.add(CoreSubjectData.messages(pg.requestStore(), pg.exchangeStore()));
        all.add(CoreSubjectData.notifications(notifications, inbox, preferences));
        all.add(CoreSubjectData.contacts(contacts));
        all.add(CoreSubjectData.satisfaction(surveys));
        all.add(vault.subjectData(pg.requestStore()));
        all.add(new SchedulingSubjectData(bookings));
        all.add(new AccountLinkSubjectData(links, core.usagers()));
        all.add(new ReservationsSubjectData(reservations, registrations));
        all.add(new ReportsSubjectData(reports));
        all.add(new PaymentsSubjectData(payments));
        SubjectAccess access = new SubjectAccess(clock, core.usagers(), pg.requestStore(), all);
        // end::subject-access[]
        return access;
    }

    /** Every table with a text-like column whose value contains {@code text}, as {@code table.column}. */
    private Set<String> tablesHolding(String text) throws SQLException {
        Set<String> out = new TreeSet<>();
        try (Connection c = dataSource.getConnection()) {
            for (AllModules.TextColumn col : AllModules.textColumns(dataSource)) {
                String value =
                        col.type().equals("bytea") ? "encode(" + col.column() + ", 'escape')" : col.column() + "::text";
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT 1 FROM " + col.table() + " WHERE " + value + " ILIKE '%' || ? || '%' LIMIT 1")) {
                    ps.setString(1, text);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            out.add(col.table());
                        }
                    }
                }
            }
        }
        return out;
    }

    /** A payment by the usager, the marker in the e-mail given to PayFiP and in the object. */
    private Payment payment(UsagerId payer, String subject, String marker) {
        PaymentOrder order = new PaymentOrder(
                        TENANT, "LOCATION2026X1", 2026, 15_000, "Location " + marker, marker + "@exemple.fr", subject)
                .by(payer);
        return Payment.pending(
                new PaymentId(UUID.randomUUID()),
                new OperationId(UUID.randomUUID().toString()),
                order,
                clock.instant());
    }

    private UsagerId person(String family, String given) {
        UsagerId id = core.ids().newUsagerId();
        core.usagers().save(Person.declared(id, TENANT, family, List.of(given), Contact.none(), clock.instant()));
        return id;
    }

    private Notification notification(
            UsagerId usager, @Nullable RequestId request, @Nullable String appointment, String marker) {
        Instant at = clock.instant();
        return new Notification(
                NotificationId.of(UUID.randomUUID()),
                TENANT,
                usager,
                EventId.of(UUID.randomUUID()),
                request == null ? NotificationKind.APPOINTMENT_BOOKED : NotificationKind.AGENT_MESSAGE,
                at,
                request,
                appointment,
                null,
                null,
                new RenderedMessage("Objet " + marker, "Texte " + marker, "<p>" + marker + "</p>", "SMS " + marker),
                List.of(new Attachment("piece-" + marker + ".pdf", "application/pdf", pdf(marker))),
                EmailAddress.parse(marker + "@exemple.fr"),
                null,
                null,
                List.of(NotificationChannel.EMAIL, NotificationChannel.PORTAL),
                0,
                0,
                NotificationStatus.SENT,
                at,
                at,
                List.of());
    }

    /** A marker found nowhere else: letters and digits only, so every field and file name accepts it. */
    private static String marker() {
        byte[] b = new byte[6];
        new java.security.SecureRandom().nextBytes(b);
        return "canari" + HexFormat.of().formatHex(b);
    }

    /** A whole one-page PDF (the vault refuses one without a page), the marker in a comment. */
    private static byte[] pdf(String text) {
        return ("%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
                        + "2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n"
                        + "3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>\nendobj\n% " + text
                        + "\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n")
                .getBytes(StandardCharsets.US_ASCII);
    }
}
