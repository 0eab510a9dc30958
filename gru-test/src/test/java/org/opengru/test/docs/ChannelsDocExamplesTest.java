package org.opengru.test.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opengru.test.scheduling.SchedulingFixture.CIVIL;
import static org.opengru.test.scheduling.SchedulingFixture.MONDAY_9AM;
import static org.opengru.test.scheduling.SchedulingFixture.SITE;
import static org.opengru.test.scheduling.SchedulingFixture.TENANT;
import static org.opengru.test.scheduling.SchedulingFixture.at;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opengru.core.GruCore;
import org.opengru.core.catalogue.FormData;
import org.opengru.core.catalogue.ProcedureDefinitions;
import org.opengru.core.contact.ContactLog;
import org.opengru.core.contact.ContactStatus;
import org.opengru.core.event.DomainEventPublisher;
import org.opengru.core.id.EventId;
import org.opengru.core.id.IdGenerator;
import org.opengru.core.id.RequestId;
import org.opengru.core.id.TeamId;
import org.opengru.core.id.UsagerId;
import org.opengru.core.inbound.ExchangeRequestThreads;
import org.opengru.core.inbound.InboundMailProcessor;
import org.opengru.core.inbound.InboundResult;
import org.opengru.core.inbound.ReplyTokens;
import org.opengru.core.inbound.SenderDirectory;
import org.opengru.core.inbound.imap.ImapMailbox;
import org.opengru.core.inbound.imap.ImapSettings;
import org.opengru.core.intake.Channel;
import org.opengru.core.jdbc.JdbcTransactions;
import org.opengru.core.jdbc.PostgresPersistence;
import org.opengru.core.notification.LanguageRegister;
import org.opengru.core.notification.NotificationKind;
import org.opengru.core.notification.NotificationPreferenceStore;
import org.opengru.core.notification.NotificationPreferences;
import org.opengru.core.notification.NotificationService;
import org.opengru.core.notification.NotificationStore;
import org.opengru.core.notification.RequestNotice;
import org.opengru.core.notification.email.SmtpEmailSender;
import org.opengru.core.notification.email.SmtpSettings;
import org.opengru.core.notification.inbox.InAppSender;
import org.opengru.core.notification.inbox.InboxStore;
import org.opengru.core.notification.sms.HttpSmsGateway;
import org.opengru.core.notification.sms.SmsSender;
import org.opengru.core.outbox.Outbox;
import org.opengru.core.outbox.OutboxRelay;
import org.opengru.core.principal.Principal;
import org.opengru.core.principal.UsagerPrincipal;
import org.opengru.core.request.NewRequest;
import org.opengru.core.request.Request;
import org.opengru.core.tenancy.Team;
import org.opengru.core.tenancy.TenantId;
import org.opengru.core.usager.Attested;
import org.opengru.core.usager.Contact;
import org.opengru.core.usager.NotificationChannel;
import org.opengru.core.usager.Person;
import org.opengru.core.usager.Representations;
import org.opengru.core.usager.UsagerStore;
import org.opengru.core.value.EmailAddress;
import org.opengru.core.value.PhoneNumber;
import org.opengru.core.value.PostalAddress;
import org.opengru.documents.crypto.EnvelopeEncryption;
import org.opengru.documents.crypto.StaticKeyProvider;
import org.opengru.documents.ingest.DocumentIngestor;
import org.opengru.documents.scan.VirusScanner;
import org.opengru.documents.storage.BlobStore;
import org.opengru.documents.store.DocumentStore;
import org.opengru.documents.vault.DocumentVault;
import org.opengru.documents.vault.RequestVisibility;
import org.opengru.documents.vault.VaultAttachmentScreen;
import org.opengru.scheduling.booking.BookingPolicy;
import org.opengru.scheduling.booking.BookingRequest;
import org.opengru.scheduling.booking.BookingResult;
import org.opengru.scheduling.booking.BookingService;
import org.opengru.scheduling.booking.RateLimiter;
import org.opengru.scheduling.booking.SiteDirectory;
import org.opengru.scheduling.ical.ICalendarWriter;
import org.opengru.scheduling.notification.AppointmentNotices;
import org.opengru.scheduling.notification.Attendees;
import org.opengru.scheduling.postgres.PostgresBookingStore;
import org.opengru.scheduling.postgres.SchedulingSchema;
import org.opengru.test.MutableClock;
import org.opengru.test.postgres.EmbeddedPostgresExtension;
import org.opengru.test.postgres.PostgresDatabase;
import org.opengru.test.scheduling.SchedulingFixture;
import org.opengru.test.scheduling.notices.MailedInvitations;

/**
 * The wiring of docs/channels.md, run as written there on PostgreSQL (DocSnippetsTest checks the page):
 * mail to a real SMTP and IMAP server (GreenMail), SMS to a real HTTP endpoint on loopback, replies into a
 * real gru-core request thread.
 */
@ExtendWith(EmbeddedPostgresExtension.class)
class ChannelsDocExamplesTest {

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private static SmtpSettings smtp(EmailAddress from) {
        return new SmtpSettings(
                "127.0.0.1",
                MAIL.getSmtp().getPort(),
                SmtpSettings.Security.NONE,
                null,
                null,
                from,
                "Mairie",
                Duration.ofSeconds(5));
    }

    private static NotificationPreferences prefer(
            TenantId tenant, UsagerId usager, NotificationChannel channel, EmailAddress email, PhoneNumber phone) {
        return new NotificationPreferences(
                tenant,
                usager,
                List.of(channel),
                email,
                phone,
                null,
                phone == null ? null : Instant.parse("2026-01-10T09:00:00Z"),
                null,
                LanguageRegister.STANDARD);
    }

    @Test
    void notificationsGoThroughTheOutboxToEachChannel(PostgresDatabase db) throws Exception {
        TenantId tenant = TenantId.of("commune-canaux");
        MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:00Z"));
        PostgresPersistence pg = PostgresPersistence.builder(db.dataSource(), clock)
                .outboxSubscribers(Set.of(NotificationService.SUBSCRIBER))
                .build();
        pg.migrate();
        Outbox outbox = pg.outbox();
        JdbcTransactions tx = pg.transactions();
        EmailAddress mairieMailbox = EmailAddress.parse("mairie@commune-canaux.fr");
        SmtpSettings smtp = smtp(mairieMailbox);
        ReplyTokens replyTokens = new ReplyTokens(SECRET);
        List<String> smsReceived = new CopyOnWriteArrayList<>();
        HttpServer smsProvider = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        smsProvider.createContext("/sms", ex -> {
            smsReceived.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] answer = "{\"id\":\"sms-1\"}".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, answer.length);
            ex.getResponseBody().write(answer);
            ex.close();
        });
        smsProvider.start();
        URI smsUri = URI.create("http://127.0.0.1:" + smsProvider.getAddress().getPort() + "/sms");
        String token = "sms-provider-token";
        try {
            // tag::notifications[]
            // the outbox's subscribers include NotificationService.SUBSCRIBER ("notifications")
            NotificationService notifications = NotificationService.builder(clock, outbox)
                    .store(NotificationStore.postgres(tx))
                    .preferences(NotificationPreferenceStore.postgres(tx))
                    .sender(new SmtpEmailSender(smtp, clock, replyTokens.replyTo(mairieMailbox)))
                    .sender(new SmsSender(new HttpSmsGateway(smsUri, token, Duration.ofSeconds(10)), "MAIRIE", 3))
                    .sender(new InAppSender(InboxStore.postgres(tx)))
                    .build();
            OutboxRelay relay = OutboxRelay.builder(outbox, clock)
                    .subscriber(notifications.subscriber())
                    .build();
            // from any scheduler, on any number of nodes:
            relay.drain(); // stores queued notifications (de-duplicated)
            notifications.drain(10); // delivers what is due: retries, fallback, quiet hours
            // end::notifications[]

            // Three usagers, one per channel: e-mail, SMS, and the in-app inbox for the one with no address.
            UsagerId byMail = UsagerId.of(UUID.randomUUID());
            UsagerId bySms = UsagerId.of(UUID.randomUUID());
            UsagerId inApp = UsagerId.of(UUID.randomUUID());
            NotificationPreferenceStore preferences = NotificationPreferenceStore.postgres(tx);
            preferences.save(prefer(
                    tenant, byMail, NotificationChannel.EMAIL, EmailAddress.parse("lea.martin@exemple.fr"), null));
            preferences.save(prefer(tenant, bySms, NotificationChannel.SMS, null, PhoneNumber.parse("06 12 34 56 78")));
            RequestId request = RequestId.of(UUID.randomUUID());
            tx.run(c -> {
                for (UsagerId u : List.of(byMail, bySms, inApp)) {
                    notifications.enqueue(new RequestNotice(
                            EventId.of(UUID.randomUUID()),
                            tenant,
                            u,
                            NotificationKind.DECISION,
                            clock.instant(),
                            request,
                            Map.of(
                                    "reference",
                                    "7K3F-M9XA",
                                    "decision",
                                    "acceptée",
                                    "appealMeans",
                                    "recours sous deux mois"),
                            List.of()));
                }
            });
            relay.drain();
            notifications.drain(10);

            MimeMessage[] mails = MAIL.getReceivedMessages();
            assertThat(mails).hasSize(1);
            String replyTo = ((InternetAddress) mails[0].getReplyTo()[0]).getAddress();
            assertThat(replyTokens.verify(tenant, ReplyTokens.find(replyTo).orElseThrow()))
                    .isEqualTo(request);
            assertThat(smsReceived).singleElement().asString().contains("7K3F-M9XA");
            assertThat(InboxStore.postgres(tx).unreadCount(tenant, inApp)).isEqualTo(1);
        } finally {
            smsProvider.stop(0);
        }
    }

    @Test
    void appointmentsNotifyThemselvesThroughTheOutbox(PostgresDatabase db) throws Exception {
        SchedulingFixture.migrate(db.dataSource());
        MutableClock clock = new MutableClock(MONDAY_9AM);
        TenantId tenant = TENANT;
        Set<String> subscribers = Set.of(NotificationService.SUBSCRIBER, AppointmentNotices.SUBSCRIBER);
        PostgresPersistence pg = PostgresPersistence.builder(db.dataSource(), clock)
                .outboxSubscribers(subscribers)
                .eventLog(SchedulingSchema.bookingEventLog()) // the relay reads the booking log too
                .build();
        pg.migrate();
        Outbox outbox = pg.outbox();
        UsagerStore usagers = pg.usagerStore();
        UsagerId lea = UsagerId.of(UUID.randomUUID());
        usagers.save(Person.declared(lea, tenant, "MARTIN", List.of("Léa"), Contact.none(), clock.instant()));
        NotificationPreferenceStore preferences = NotificationPreferenceStore.postgres(pg.transactions());
        preferences.save(
                prefer(tenant, lea, NotificationChannel.EMAIL, EmailAddress.parse("lea.martin@exemple.fr"), null));
        BookingService bookings = new BookingService(
                new PostgresBookingStore(db.dataSource(), subscribers),
                SiteDirectory.of(List.of(SchedulingFixture.setup())),
                BookingPolicy.defaults(),
                clock,
                IdGenerator.create(clock),
                RateLimiter.unlimited(),
                DomainEventPublisher.none());
        NotificationService notifications = NotificationService.builder(clock, outbox)
                .preferences(preferences)
                .sender(new SmtpEmailSender(smtp(EmailAddress.parse("rdv@mairie-exemple.fr")), clock))
                .build();
        // tag::appointment-notices[]
        AppointmentNotices notices = AppointmentNotices.builder(
                        bookings, notifications, new ICalendarWriter("mairie-exemple.fr"))
                .organizer(site -> EmailAddress.parse("rdv@mairie-exemple.fr")) // ideally the e-mails' sender
                .attendees(Attendees.of(usagers, preferences))
                .build();
        // PostgreSQL: the relay reads the booking log (builder(...).eventLog(SchedulingSchema.bookingEventLog()))
        OutboxRelay relay = OutboxRelay.builder(outbox, clock)
                .subscriber(notifications.subscriber())
                .subscriber(notices.subscriber()) // "appointment-notices": list it in the outbox's subscribers too
                .build();
        // in memory: core.events().subscribe(BookingEvent.class, notices.listener());
        notices.sendDueReminders(tenant); // every minute or so, from any scheduler, on any node
        // end::appointment-notices[]

        assertThat(bookings.book(BookingRequest.online(tenant, SITE, CIVIL, at(1, 10, 0), lea)))
                .isInstanceOf(BookingResult.Booked.class);
        for (int i = 0; i < 2; i++) { // the booking event, then the notice it queued
            relay.drain();
            notifications.drain(10);
        }
        assertThat(MAIL.getReceivedMessages()).hasSize(1);
        clock.set(at(1, 8, 1)); // the next sweep after the 2-hour reminder fell due
        assertThat(notices.sendDueReminders(tenant)).isEqualTo(1);
        relay.drain();
        notifications.drain(10);

        MimeMessage[] mails = MAIL.getReceivedMessages();
        assertThat(mails).hasSize(2);
        for (MimeMessage m : mails) {
            // An invitation naming the resident (Attendees.of found her), not a plain calendar file.
            MailedInvitations invitation = MailedInvitations.read(m);
            assertThat(invitation.method()).isEqualTo("REQUEST");
            assertThat(invitation.event("ORGANIZER")).isEqualTo("mailto:rdv@mairie-exemple.fr");
            assertThat(invitation.event("ATTENDEE")).isEqualTo("mailto:lea.martin@exemple.fr");
        }
    }

    @Test
    void repliesAreReadFromTheMailboxIntoTheRequestsThread(PostgresDatabase db) throws Exception {
        TenantId tenant = TenantId.of("commune-courriel");
        MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:00Z"));
        DataSource dataSource = db.dataSource();
        PostgresPersistence pg = PostgresPersistence.builder(dataSource, clock)
                .outboxSubscribers(Set.of(NotificationService.SUBSCRIBER))
                .build();
        pg.migrate();
        DocumentStore.migrations().migrate(dataSource);
        JdbcTransactions tx = pg.transactions();
        GruCore core = GruCore.builder()
                .clock(clock)
                .requestStore(pg.requestStore())
                .usagerStore(pg.usagerStore())
                .mandateStore(pg.mandateStore())
                .teamDirectory(pg.teamDirectory())
                .procedureStore(pg.procedureStore())
                .exchangeStore(pg.exchangeStore())
                .referenceSequence(pg.referenceSequence())
                .build();
        core.teams()
                .save(new Team(
                        tenant,
                        TeamId.of("etat-civil"),
                        "État civil",
                        PostalAddress.france(List.of("1 place de la Mairie"), "69100", "Villeurbanne"),
                        EmailAddress.parse("etat-civil@commune-courriel.fr"),
                        PhoneNumber.parse("04 78 03 67 67")));
        core.procedures().define(tenant, new ProcedureDefinitions().fromJson("""
                        {"code": "copie-acte", "version": 1, "title": "Copie d'acte", "team": "etat-civil",
                         "openTo": ["PERSON"], "retention": "P1Y", "implicitDecision": {"decision": "REJECTION"},
                         "schema": [{"name": "acte", "label": "Acte", "type": "TEXT", "required": true}]}
                        """));
        UsagerId lea = core.ids().newUsagerId();
        EmailAddress leaMail = EmailAddress.parse("lea.martin@exemple.fr");
        core.usagers()
                .save(Person.declared(
                        lea,
                        tenant,
                        "MARTIN",
                        List.of("Léa"),
                        new Contact(
                                Attested.declared(leaMail, clock.instant()),
                                null,
                                null,
                                Set.of(NotificationChannel.PORTAL),
                                null),
                        clock.instant()));
        UsagerPrincipal leaSignedIn = Principal.usager(tenant, lea);
        Request draft = core.requests()
                .create(
                        leaSignedIn,
                        NewRequest.of("copie-acte", lea, Channel.WEB, FormData.of("acte", "naissance")),
                        null);
        Request request = core.requests().submit(leaSignedIn, draft.id(), null);
        DocumentIngestor ingestor = DocumentIngestor.builder()
                .blobStore(BlobStore.inMemory())
                .encryption(new EnvelopeEncryption(StaticKeyProvider.generated("courriel")))
                .scanner(VirusScanner.unscanned())
                .build();
        DocumentVault vault = DocumentVault.builder()
                .clock(clock)
                .ids(core.ids())
                .store(DocumentStore.postgres(dataSource))
                .ingestor(ingestor)
                .representations(new Representations(core.usagers(), core.mandates()))
                .requestVisibility(RequestVisibility.of(core.requestStore(), core.accessPolicy()))
                .build();
        NotificationService notifications = NotificationService.builder(clock, pg.outbox())
                .store(NotificationStore.postgres(tx))
                .sender(new InAppSender(InboxStore.postgres(tx)))
                .build();
        ReplyTokens replyTokens = new ReplyTokens(SECRET);
        SenderDirectory senderDirectory = SenderDirectory.of(core.usagers());
        EmailAddress mairieMailbox = EmailAddress.parse("mairie@commune-courriel.fr");
        GreenMailUser mairie = MAIL.setUser(mairieMailbox.value(), "mairie", "secret");
        String password = "secret";
        ImapSettings imap = ImapSettings.of("127.0.0.1", MAIL.getImap().getPort(), false, "mairie", password);
        // tag::inbound[]
        InboundMailProcessor processor = InboundMailProcessor.builder(replyTokens, clock)
                .threads(new ExchangeRequestThreads(core.requests(), core.exchanges(), core.usagers()))
                .contacts(ContactLog.postgres(tx))
                .senders(senderDirectory)
                .screen(new VaultAttachmentScreen(vault, ingestor))
                .bounces(notifications::recordBounce)
                .build();
        // imap: ImapSettings.of("imap.mairie.fr", 993, true, "mairie", password), IMAPS (no TLS only on loopback)
        ImapMailbox mailbox = new ImapMailbox(imap, clock);
        // from a scheduler, one poller per mailbox at a time:
        ImapMailbox.PollReport report = mailbox.poll(tenant, processor, 50);
        // end::inbound[]
        assertThat(report.results()).isEmpty();

        // Léa answers the Reply-To of a notification, then writes without it.
        EmailAddress replyTo = replyTokens.replyAddress(tenant, request.id(), mairieMailbox);
        mairie.deliver(mail(leaMail, replyTo, "Re: votre demande", "Voici la date de naissance : 2 mai 1990."));
        mairie.deliver(mail(leaMail, mairieMailbox, "Question", "Quels sont vos horaires ?"));
        report = mailbox.poll(tenant, processor, 50);

        assertThat(report.results())
                .hasSize(2)
                .hasAtLeastOneElementOfType(InboundResult.Threaded.class)
                .hasAtLeastOneElementOfType(InboundResult.Triage.class);
        assertThat(core.exchanges().thread(leaSignedIn, request.id()))
                .singleElement()
                .satisfies(m -> assertThat(m.body()).isEqualTo("Voici la date de naissance : 2 mai 1990."));
        assertThat(ContactLog.postgres(tx).withStatus(tenant, ContactStatus.TO_TRIAGE, 10))
                .singleElement()
                .satisfies(c -> assertThat(c.usager()).isEqualTo(lea));
    }

    private static MimeMessage mail(EmailAddress from, EmailAddress to, String subject, String text) throws Exception {
        MimeMessage m = new MimeMessage(Session.getInstance(new Properties()));
        m.setFrom(new InternetAddress(from.value()));
        m.setRecipient(Message.RecipientType.TO, new InternetAddress(to.value()));
        m.setSubject(subject, "UTF-8");
        m.setText(text, "UTF-8");
        m.saveChanges();
        return m;
    }
}
