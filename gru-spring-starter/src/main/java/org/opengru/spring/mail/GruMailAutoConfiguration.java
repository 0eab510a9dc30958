package org.opengru.spring.mail;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.opengru.core.GruCore;
import org.opengru.core.contact.ContactLog;
import org.opengru.core.exchange.ExchangeService;
import org.opengru.core.id.IdGenerator;
import org.opengru.core.inbound.AttachmentScreen;
import org.opengru.core.inbound.ExchangeRequestThreads;
import org.opengru.core.inbound.InboundMailProcessor;
import org.opengru.core.inbound.NotificationBounces;
import org.opengru.core.inbound.SenderDirectory;
import org.opengru.core.jdbc.PostgresPersistence;
import org.opengru.core.job.Job;
import org.opengru.core.notification.AppointmentStatusLookup;
import org.opengru.core.notification.CommuneDefaults;
import org.opengru.core.notification.NotificationPreferenceStore;
import org.opengru.core.notification.NotificationService;
import org.opengru.core.notification.NotificationStore;
import org.opengru.core.notification.RequestNotices;
import org.opengru.core.notification.inbox.InAppSender;
import org.opengru.core.notification.inbox.InboxStore;
import org.opengru.core.outbox.Outbox;
import org.opengru.core.request.RequestService;
import org.opengru.core.request.RequestStore;
import org.opengru.core.tenancy.TenantId;
import org.opengru.core.usager.UsagerStore;
import org.opengru.documents.ingest.DocumentIngestor;
import org.opengru.documents.vault.DocumentVault;
import org.opengru.documents.vault.VaultAttachmentScreen;
import org.opengru.spring.GruProperties;
import org.opengru.spring.core.CorePersistence;
import org.opengru.spring.core.GruCoreAutoConfiguration;
import org.opengru.spring.core.GruNotificationsAutoConfiguration;
import org.opengru.spring.jobs.GruJobContribution;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Each collectivité's e-mail, from {@code gru.tenants.<id>.mail} (see {@link GruMail}), active when some
 * tenant has a {@code mail} block:
 *
 * <ul>
 *   <li>with {@code mail.smtp} and no {@link NotificationService} of the application's own, the starter
 *       builds one: e-mail through the tenant's relay (Reply-To with the request's signed token when the
 *       tenant reads replies), falling back to the in-app inbox; the applicant is told of the request events;
 *       each tenant's name and reply hint as its {@link CommuneDefaults};
 *   <li>with {@code mail.imap}, an {@link InboundMail} and one job per tenant, {@code inbound-mail-<tenant>}
 *       (on PostgreSQL, on one node at a time across the nodes): replies with a valid token join their
 *       request's thread, their attachments checked by the document vault when gru-documents is there;
 *       other mails go to triage, linked to the usager whose contact e-mail sent it ({@link
 *       SenderDirectory#of}); bounces mark the notification failed and move it to its next channel.
 * </ul>
 *
 * Needs Jakarta Mail's implementation ({@code org.eclipse.angus:angus-mail}) in the application. Every bean
 * backs off when the application defines its own.
 */
@AutoConfiguration(
        after = GruCoreAutoConfiguration.class,
        afterName = "org.opengru.spring.documents.GruDocumentsAutoConfiguration",
        before = GruNotificationsAutoConfiguration.class)
@ConditionalOnClass(value = GruCore.class, name = GruMailAutoConfiguration.ANGUS)
@Conditional(MailConditions.AnyMail.class)
public class GruMailAutoConfiguration {

    /** Jakarta Mail's implementation, which gru-core's SMTP and IMAP adapters need and the host adds. */
    static final String ANGUS = "org.eclipse.angus.mail.imap.IMAPStore";

    @Bean
    @ConditionalOnMissingBean
    GruMail gruMail(GruProperties properties) {
        return GruMail.of(properties);
    }

    /** The contacts of every channel: triage, quarantine and automatic mails land here. */
    @Bean
    @ConditionalOnMissingBean
    ContactLog gruContactLog(CorePersistence persistence) {
        return persistence
                .postgres()
                .map(pg -> ContactLog.postgres(pg.transactions()))
                .orElseGet(ContactLog::inMemory);
    }

    /** The notification service of the tenants' relays, when the application has none. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnMissingBean(NotificationService.class)
    @Conditional(MailConditions.AnySmtp.class)
    static class Sending {

        @Bean
        @ConditionalOnMissingBean
        NotificationStore gruNotificationStore(CorePersistence persistence) {
            return jdbc(persistence)
                    .map(pg -> NotificationStore.postgres(pg.transactions()))
                    .orElseGet(NotificationStore::inMemory);
        }

        @Bean
        @ConditionalOnMissingBean
        InboxStore gruInboxStore(CorePersistence persistence) {
            return jdbc(persistence)
                    .map(pg -> InboxStore.postgres(pg.transactions()))
                    .orElseGet(InboxStore::inMemory);
        }

        @Bean
        @ConditionalOnMissingBean
        NotificationPreferenceStore gruNotificationPreferenceStore(CorePersistence persistence) {
            return jdbc(persistence)
                    .map(pg -> NotificationPreferenceStore.postgres(pg.transactions()))
                    .orElseGet(NotificationPreferenceStore::inMemory);
        }

        @Bean
        NotificationService gruNotificationService(
                Clock clock,
                Outbox outbox,
                GruMail mail,
                GruProperties properties,
                NotificationStore store,
                InboxStore inbox,
                NotificationPreferenceStore preferences,
                RequestStore requests,
                UsagerStore usagers,
                ObjectProvider<AppointmentStatusLookup> appointments) {
            Map<TenantId, CommuneDefaults> defaults = new HashMap<>();
            mail.tenants().forEach((id, m) -> {
                String name = properties.tenant(id.value()).name();
                if (name != null) {
                    defaults.put(id, new CommuneDefaults(name, null, m.replyHint()));
                }
            });
            return NotificationService.builder(clock, outbox)
                    .store(store)
                    .preferences(preferences)
                    .sender(mail.emailSender(clock))
                    .sender(new InAppSender(inbox))
                    .requestEvents(
                            requests,
                            new RequestNotices(
                                    properties.notifications().requestUrl(),
                                    properties.notifications().zone()))
                    .usagers(usagers)
                    .communeDefaults(defaults::get)
                    .appointmentStatus(appointments.getIfAvailable(AppointmentStatusLookup::none))
                    .build();
        }

        private static Optional<PostgresPersistence> jdbc(CorePersistence persistence) {
            return persistence.postgres();
        }
    }

    /** The document vault's checks on the attachments of replies, when gru-documents is there. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(VaultAttachmentScreen.class)
    @ConditionalOnBean({DocumentVault.class, DocumentIngestor.class})
    static class VaultScreen {

        @Bean
        @ConditionalOnMissingBean
        AttachmentScreen gruAttachmentScreen(DocumentVault vault, DocumentIngestor ingestor) {
            return new VaultAttachmentScreen(vault, ingestor);
        }
    }

    /** Without the vault: PDF and images only, their content not kept (nothing to keep it in). */
    @Bean
    @ConditionalOnMissingBean
    AttachmentScreen gruAttachmentTypes() {
        return AttachmentScreen.allowTypes(Set.of("application/pdf", "image/jpeg", "image/png"));
    }

    @Bean
    @ConditionalOnMissingBean
    InboundMail gruInboundMail(
            GruMail mail,
            Clock clock,
            RequestService requests,
            ExchangeService exchanges,
            UsagerStore usagers,
            AttachmentScreen screen,
            ContactLog contacts,
            IdGenerator ids,
            ObjectProvider<NotificationService> notifications) {
        ExchangeRequestThreads threads = new ExchangeRequestThreads(requests, exchanges, usagers);
        SenderDirectory senders = SenderDirectory.of(usagers);
        // Reached at each bounce: the application's service may be built after this bean.
        NotificationBounces bounces = (tenant, messageId, detail) -> {
            NotificationService service = notifications.getIfAvailable();
            return service == null ? Optional.empty() : service.recordBounce(tenant, messageId, detail);
        };
        return new InboundMail(mail, clock, tenant -> {
            GruMail.TenantMail m = mail.tenants().get(tenant);
            return InboundMailProcessor.builder(mail.replyTokens(tenant).orElseThrow(), clock)
                    .threads(threads)
                    .screen(screen)
                    .senders(senders)
                    .bounces(bounces)
                    .contacts(contacts)
                    .ids(ids)
                    .maxAttachments(m.maxAttachments())
                    .limits(m.maxAttachmentBytes(), m.maxTotalBytes())
                    .build();
        });
    }

    /** One job per tenant reading its mailbox: on PostgreSQL, on one node at a time. */
    @Bean
    @ConditionalOnMissingBean(name = "gruInboundMailJobs")
    GruJobContribution gruInboundMailJobs(GruMail mail, ObjectProvider<InboundMail> inbound) {
        List<Job> jobs = new ArrayList<>();
        mail.tenants().forEach((tenant, m) -> {
            if (m.imap() != null) {
                jobs.add(Job.named("inbound-mail-" + tenant.value())
                        .every(m.pollInterval())
                        .minimumInterval(Duration.ofSeconds(10))
                        .setting("gru.tenants." + tenant.value() + ".mail.poll-interval")
                        .runs(() -> inbound.getObject().poll(tenant)));
            }
        });
        return () -> jobs;
    }
}
