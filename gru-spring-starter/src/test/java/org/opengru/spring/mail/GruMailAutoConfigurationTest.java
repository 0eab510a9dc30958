package org.opengru.spring.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.opengru.core.catalogue.FormData;
import org.opengru.core.contact.ContactLog;
import org.opengru.core.contact.ContactRecord;
import org.opengru.core.contact.ContactStatus;
import org.opengru.core.exchange.ExchangeService;
import org.opengru.core.exchange.Message;
import org.opengru.core.id.UsagerId;
import org.opengru.core.intake.Channel;
import org.opengru.core.job.Job;
import org.opengru.core.notification.NotificationService;
import org.opengru.core.outbox.OutboxRelay;
import org.opengru.core.principal.Principal;
import org.opengru.core.principal.UsagerPrincipal;
import org.opengru.core.request.NewRequest;
import org.opengru.core.request.Request;
import org.opengru.core.request.RequestService;
import org.opengru.core.usager.Attested;
import org.opengru.core.usager.Contact;
import org.opengru.core.usager.NotificationChannel;
import org.opengru.core.usager.Person;
import org.opengru.core.usager.UsagerStore;
import org.opengru.core.value.EmailAddress;
import org.opengru.spring.TestTenant;
import org.opengru.spring.core.GruCoreAutoConfiguration;
import org.opengru.spring.core.GruNotificationsAutoConfiguration;
import org.opengru.spring.core.InvalidTenantSetupException;
import org.opengru.spring.documents.GruDocumentsAutoConfiguration;
import org.opengru.spring.jobs.GruJobContribution;
import org.opengru.spring.storage.GruStorageAutoConfiguration;
import org.opengru.test.postgres.EmbeddedPostgresExtension;
import org.opengru.test.postgres.PostgresDatabase;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;

/**
 * With {@code gru.tenants.<id>.mail}, through a real SMTP and IMAP server (GreenMail): the starter's
 * notification service mails the resident with a Reply-To carrying the request's token, the resident's reply
 * sent by SMTP to that address is read by the tenant's inbound-mail job and lands in the request's thread;
 * mails without a token go to triage, linked to the resident whose contact e-mail sent it, or to nobody.
 */
@ExtendWith(EmbeddedPostgresExtension.class)
class GruMailAutoConfigurationTest {

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

    @TempDir
    static Path files;

    private static final String MAILBOX = "reponses@saint-martin.fr";
    private static final String LEA = "lea.martin@exemple.fr";

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(
                        GruStorageAutoConfiguration.class,
                        GruCoreAutoConfiguration.class,
                        GruDocumentsAutoConfiguration.class,
                        GruMailAutoConfiguration.class,
                        GruNotificationsAutoConfiguration.class))
                .withBean(Clock.class, () -> Clock.systemUTC())
                .withPropertyValues(TestTenant.PROPERTIES)
                .withPropertyValues(
                        "gru.notifications.request-url=https://demarches.saint-martin.fr/mes-demandes/",
                        "gru.defaults.mail.smtp.host=127.0.0.1",
                        "gru.defaults.mail.smtp.port=" + MAIL.getSmtp().getPort(),
                        "gru.defaults.mail.smtp.security=none",
                        "gru.tenants.saint-martin.mail.smtp.from=ne-pas-repondre@saint-martin.fr",
                        "gru.tenants.saint-martin.mail.imap.host=127.0.0.1",
                        "gru.tenants.saint-martin.mail.imap.port="
                                + MAIL.getImap().getPort(),
                        "gru.tenants.saint-martin.mail.imap.tls=false",
                        "gru.tenants.saint-martin.mail.imap.username=mairie",
                        "gru.tenants.saint-martin.mail.imap.password=secret",
                        "gru.tenants.saint-martin.mail.reply-address=" + MAILBOX,
                        "gru.tenants.saint-martin.mail.reply-token-secret="
                                + "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
    }

    @BeforeEach
    void mailbox() {
        GreenMailUser mairie = MAIL.setUser(MAILBOX, "mairie", "secret");
        plusAddresses(MAIL, mairie);
    }

    /** Delivers {@code local+anything@domain} into the mailbox of {@code local@domain}, as Postfix does. */
    static void plusAddresses(GreenMailExtension mail, GreenMailUser mailbox) {
        var users = mail.getUserManager();
        MessageDeliveryHandler usual = users.getMessageDeliveryHandler();
        users.setMessageDeliveryHandler((message, address) -> {
            String email = address.getEmail();
            int plus = email.indexOf('+');
            if (plus > 0
                    && email.substring(0, plus)
                            .concat(email.substring(email.indexOf('@')))
                            .equalsIgnoreCase(mailbox.getEmail())) {
                return mailbox;
            }
            return usual.handle(message, address);
        });
    }

    @Test
    void onPostgresAReplyToANotificationLandsInItsRequestThread(PostgresDatabase db) {
        runner().withBean(DataSource.class, db::dataSource)
                .withPropertyValues("gru.storage=jdbc", "gru.documents.storage-path=" + files)
                .run(this::replyToTheAcknowledgment);
    }

    @Test
    void inMemoryToo() {
        runner().run(this::replyToTheAcknowledgment);
    }

    private void replyToTheAcknowledgment(ApplicationContext context) throws Exception {
        assertThat(context.getBean(NotificationService.class)).isNotNull();
        UsagerPrincipal lea = resident(context, LEA);
        Request request = file(context, lea);
        deliverNotifications(context);

        MimeMessage notice = Arrays.stream(MAIL.getReceivedMessagesForDomain("exemple.fr"))
                .findFirst()
                .orElseThrow();
        String replyTo = notice.getReplyTo()[0].toString();
        assertThat(replyTo).startsWith("reponses+r-").endsWith("@saint-martin.fr");

        GreenMailUtil.sendTextEmail(
                replyTo,
                LEA,
                "Re: " + notice.getSubject(),
                "Bonjour, mon fils mange sans porc.",
                MAIL.getSmtp().getServerSetup());
        inboundJob(context).body().run();

        List<Message> thread = context.getBean(ExchangeService.class).thread(lea, request.id());
        assertThat(thread).anySatisfy(m -> {
            assertThat(m.body()).contains("mon fils mange sans porc");
            assertThat(m.channel()).isEqualTo(Channel.EMAIL);
        });
    }

    @Test
    void mailsWithoutTokenGoToTriageLinkedToTheirSenderWhenKnown(PostgresDatabase db) {
        runner().withBean(DataSource.class, db::dataSource)
                .withPropertyValues("gru.storage=jdbc", "gru.documents.storage-path=" + files)
                .run(context -> {
                    // An address of its own: the database may hold the other tests' Léa, and an address two
                    // usagers share links to nobody.
                    String paul = "paul.durand@exemple.fr";
                    UsagerPrincipal lea = resident(context, paul);
                    var smtp = MAIL.getSmtp().getServerSetup();
                    GreenMailUtil.sendTextEmail(MAILBOX, "inconnu@exemple.org", "Bruit rue des Lilas", "Bonjour", smtp);
                    GreenMailUtil.sendTextEmail(MAILBOX, paul.toUpperCase(), "Question cantine", "Bonjour", smtp);
                    inboundJob(context).body().run();

                    List<ContactRecord> triage = context.getBean(ContactLog.class)
                            .withStatus(TestTenant.TENANT, ContactStatus.TO_TRIAGE, 10);
                    assertThat(triage)
                            .extracting(ContactRecord::subject, ContactRecord::usager)
                            .containsExactlyInAnyOrder(
                                    org.assertj.core.groups.Tuple.tuple("Bruit rue des Lilas", null),
                                    org.assertj.core.groups.Tuple.tuple("Question cantine", lea.usager()));
                });
    }

    @Test
    void aReplySecretOfFewerThan32BytesOrNotBase64FailsTheStartWithoutShowingIt() {
        String short31 = "c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0YQ==";
        runner().withPropertyValues("gru.tenants.saint-martin.mail.reply-token-secret=" + short31)
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .isInstanceOf(InvalidTenantSetupException.class)
                        .hasMessageContaining("gru.tenants.saint-martin.mail.reply-token-secret")
                        .hasMessageContaining("31 bytes, 32 at least")
                        .hasMessageNotContaining("c2VjcmV0"));
        runner().withPropertyValues("gru.tenants.saint-martin.mail.reply-token-secret=" + "#".repeat(44))
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("gru.tenants.saint-martin.mail.reply-token-secret")
                        .hasMessageContaining("not Base64")
                        .hasMessageNotContaining("####"));
    }

    @Test
    void withoutMailNothingIsWired() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(
                        GruStorageAutoConfiguration.class,
                        GruCoreAutoConfiguration.class,
                        GruMailAutoConfiguration.class,
                        GruNotificationsAutoConfiguration.class))
                .withPropertyValues(TestTenant.PROPERTIES)
                .run(context -> assertThat(context)
                        .hasNotFailed()
                        .doesNotHaveBean(GruMail.class)
                        .doesNotHaveBean(NotificationService.class)
                        .doesNotHaveBean(InboundMail.class));
    }

    private static UsagerPrincipal resident(ApplicationContext context, String email) {
        UsagerId id = UsagerId.of(UUID.randomUUID());
        Contact contact = new Contact(
                Attested.declared(EmailAddress.parse(email), TestTenant.NOW),
                null,
                null,
                Set.of(NotificationChannel.EMAIL, NotificationChannel.PORTAL),
                TestTenant.NOW);
        context.getBean(UsagerStore.class)
                .save(Person.declared(id, TestTenant.TENANT, "Martin", List.of("Léa"), contact, TestTenant.NOW));
        return Principal.usager(TestTenant.TENANT, id);
    }

    private static Request file(ApplicationContext context, UsagerPrincipal resident) {
        RequestService requests = context.getBean(RequestService.class);
        Request draft = requests.create(
                resident,
                NewRequest.of(
                        "inscription-cantine",
                        resident.usager(),
                        Channel.WEB,
                        FormData.of("enfant", "Martin Léo", "ecole", "École Jules Ferry")),
                null);
        return requests.submit(resident, draft.id(), null);
    }

    /** What the jobs do every few seconds: the relay stores the notices, the service sends them. */
    private static void deliverNotifications(ApplicationContext context) {
        context.getBean(OutboxRelay.class).drain();
        context.getBean(NotificationService.class).drain(10);
    }

    private static Job inboundJob(ApplicationContext context) {
        return context.getBeansOfType(GruJobContribution.class).values().stream()
                .flatMap(c -> c.jobs().stream())
                .filter(j -> j.name().equals("inbound-mail-saint-martin"))
                .findFirst()
                .orElseThrow();
    }
}
