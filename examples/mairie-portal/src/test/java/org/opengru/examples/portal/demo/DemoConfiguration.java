package org.opengru.examples.portal.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.opengru.core.GruCore;
import org.opengru.core.audit.AuditTrail;
import org.opengru.core.catalogue.FormData;
import org.opengru.core.id.UsagerId;
import org.opengru.core.idempotency.IdempotencyKey;
import org.opengru.core.intake.Channel;
import org.opengru.core.principal.Principal;
import org.opengru.core.principal.UsagerPrincipal;
import org.opengru.core.request.NewRequest;
import org.opengru.core.request.Request;
import org.opengru.core.request.RequestQuery;
import org.opengru.core.usager.Person;
import org.opengru.core.value.Siret;
import org.opengru.core.webhook.WebhookEndpoint;
import org.opengru.core.webhook.WebhookSecret;
import org.opengru.core.webhook.WebhookSender;
import org.opengru.documents.crypto.KeyProvider;
import org.opengru.documents.crypto.StaticKeyProvider;
import org.opengru.examples.portal.agent.KeyInResidents;
import org.opengru.examples.portal.commune.Commune;
import org.opengru.examples.portal.signin.AgentDirectory;
import org.opengru.franceconnect.apiparticulier.ApiParticulierClient;
import org.opengru.franceconnect.apiparticulier.ApiParticulierConfig;
import org.opengru.franceconnect.apiparticulier.ApiParticulierScope;
import org.opengru.franceconnect.apiparticulier.Habilitations;
import org.opengru.franceconnect.link.PivotMismatchException;
import org.opengru.franceconnect.link.UsagerLinker;
import org.opengru.spring.security.UsagerResolver;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.Profile;

/**
 * The demo profile: residents, agents and a few requests, a local FranceConnect- and ProConnect-shaped
 * provider, a local mail server and a local API Particulier sandbox. It lives with the tests, never in the
 * portal's jar: {@link DemoPortal} starts the portal with it ({@code spring-boot:test-run}), and the tests'
 * portal has it as its default profile.
 */
@Configuration(proxyBeanMethods = false)
@Profile("demo")
class DemoConfiguration {

    /**
     * The local FranceConnect- and ProConnect-shaped provider, at the port and for the clients that
     * application-demo.properties gives the starter's relying parties.
     */
    @Bean(destroyMethod = "close")
    DemoIdentityProvider demoIdentityProvider(
            @Value("${portal.demo.identity-provider-port}") int port,
            @Value("${gru.tenants.commune-45000.franceconnect.client-id}") String franceConnectClient,
            @Value("${gru.tenants.commune-45000.proconnect.client-id}") String proConnectClient) {
        return new DemoIdentityProvider(port, franceConnectClient, proConnectClient);
    }

    /**
     * The local mail server the commune's notifications are sent to and its reply mailbox read from, at the
     * ports and with the account that application-demo.properties gives {@code gru.tenants.*.mail}.
     */
    @Bean(destroyMethod = "close")
    DemoMailServer demoMailServer(
            @Value("${portal.demo.smtp-port}") int smtpPort,
            @Value("${portal.demo.imap-port}") int imapPort,
            @Value("${gru.tenants.commune-45000.mail.reply-address}") String mailbox,
            @Value("${gru.tenants.commune-45000.mail.imap.username}") String login,
            @Value("${gru.tenants.commune-45000.mail.imap.password}") String password) {
        return new DemoMailServer(smtpPort, imapPort, mailbox, login, password);
    }

    /**
     * Residents known at the town hall before they use FranceConnect (Claire Martin) are recognised on their
     * identité pivot, all six attributes equal, at their first sign-in; a later sign-in finds the linked
     * account; anyone else becomes a new usager. Never on the e-mail address.
     */
    @Bean
    UsagerResolver demoUsagers(UsagerLinker linker) {
        return (tenant, login) -> {
            Optional<Person> known = linker.recognise(tenant, login);
            if (known.isPresent()) {
                return Principal.usager(tenant, known.get().id());
            }
            for (UsagerId candidate : DemoPeople.residents()) {
                try {
                    return Principal.usager(
                            tenant, linker.linkOnPivot(tenant, login, candidate).id());
                } catch (PivotMismatchException notThisOne) {
                    // the next candidate
                }
            }
            return Principal.usager(tenant, linker.createUsager(tenant, login).id());
        };
    }

    /**
     * The API Particulier sandbox; {@code portal.demo.api-particulier-behaviour} ({@code PERSON_UNKNOWN},
     * {@code PROVIDER_DOWN}, {@code RATE_LIMITED}) shows the portal's answer to each failure.
     */
    @Bean(destroyMethod = "close")
    ApiParticulierSandbox apiParticulierSandbox(
            @Value("${portal.demo.api-particulier-port:0}") int port,
            @Value("${portal.demo.api-particulier-behaviour:NORMAL}") ApiParticulierSandbox.Behaviour behaviour,
            Clock clock) {
        ApiParticulierSandbox sandbox = new ApiParticulierSandbox(port, clock);
        sandbox.simulate(behaviour);
        return sandbox;
    }

    /**
     * The commune's API Particulier client, on the sandbox. A real installation sets {@code
     * gru.tenants.<id>.api-particulier.token}, {@code .recipient} and {@code .habilitations} instead (the
     * starter's {@code ApiParticulierClients}).
     */
    @Bean
    ApiParticulierClient demoApiParticulierClient(ApiParticulierSandbox sandbox, AuditTrail audit, Clock clock) {
        return ApiParticulierClient.create(
                ApiParticulierConfig.builder(Commune.TENANT)
                        .baseUri(sandbox.baseUri())
                        .token("jeton-du-bac-a-sable-api-particulier")
                        .recipient(Siret.parse(Commune.SIRET))
                        .habilitations(Habilitations.builder()
                                .allow(Commune.CANTINE, ApiParticulierScope.QUOTIENT_FAMILIAL)
                                .build())
                        .build(),
                audit,
                clock);
    }

    /** The commune's back-office software, receiving the signed webhooks of every request change. */
    @Bean(destroyMethod = "close")
    BackOfficeReceiver backOfficeReceiver(
            @Value("${portal.demo.webhook-secret:secret-partage-avec-le-logiciel-metier-0123456789}") String secret,
            Clock clock) {
        return new BackOfficeReceiver(0, WebhookSecret.of(secret), clock);
    }

    /**
     * The webhook to it: an outbox subscriber that the starter's relay drives. A real installation sets
     * {@code gru.webhooks.logiciel-metier.url} and {@code .secret} instead.
     */
    @Bean
    WebhookSender logicielMetier(
            BackOfficeReceiver receiver,
            @Value("${portal.demo.webhook-secret:secret-partage-avec-le-logiciel-metier-0123456789}") String secret,
            Clock clock) {
        return WebhookSender.create(
                new WebhookEndpoint("logiciel-metier", receiver.uri(), WebhookSecret.of(secret), Duration.ofSeconds(5)),
                clock);
    }

    /**
     * The master key that wraps each document's own key, kept next to the demo's data so that stored
     * documents stay readable after a restart. Production: a KMS-backed provider, or
     * {@code gru.documents.master-key} from a secret store.
     */
    @Bean
    @ConditionalOnMissingBean
    KeyProvider demoMasterKey(@Value("${portal.documents.directory:data/documents}") Path directory) {
        Path file = directory.toAbsolutePath().getParent().resolve("master-key.b64");
        try {
            byte[] key;
            if (Files.exists(file)) {
                key = Base64.getDecoder().decode(Files.readString(file).strip());
            } else {
                key = new byte[32];
                new SecureRandom().nextBytes(key);
                Files.createDirectories(file.getParent());
                Files.writeString(file, Base64.getEncoder().encodeToString(key));
            }
            return StaticKeyProvider.builder()
                    .key("portal-demo", key)
                    .current("portal-demo")
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the demo master key " + file, e);
        }
    }

    /** The agents key requests in for the demo's residents, whether or not they filed a request yet. */
    @Bean
    @Primary
    KeyInResidents demoResidents() {
        return agent -> DemoPeople.residents();
    }

    @Bean
    ApplicationRunner demoData(GruCore core, AgentDirectory agents, Clock clock) {
        return args -> {
            DemoPeople.declare(core, agents, clock.instant());
            seedRequests(core);
        };
    }

    /** A few requests waiting in the agents' queues, once (they are kept in PostgreSQL). */
    static void seedRequests(GruCore core) {
        UsagerPrincipal paul = Principal.usager(Commune.TENANT, DemoPeople.PAUL);
        if (!core.requests().list(paul, RequestQuery.firstPage()).isEmpty()) {
            return;
        }
        file(
                core,
                paul,
                Commune.ACTE_ETAT_CIVIL,
                FormData.of("typeActe", "naissance", "nomPersonne", "Paul Durand", "dateEvenement", "1979-11-03"));
        UsagerPrincipal amina = Principal.usager(Commune.TENANT, DemoPeople.AMINA);
        Request marriage = file(
                core,
                amina,
                Commune.ACTE_ETAT_CIVIL,
                FormData.of(
                        "typeActe",
                        "mariage",
                        "nomPersonne",
                        "Amina Benali et Karim Haddad",
                        "dateEvenement",
                        "2015-06-20"));
        core.requests()
                .startReview(
                        Principal.agent(Commune.TENANT, DemoPeople.JEANNE, Set.of(Commune.ETAT_CIVIL)),
                        marriage.id(),
                        null);
    }

    private static Request file(GruCore core, UsagerPrincipal who, String procedure, FormData data) {
        Request draft = core.requests()
                .create(
                        who,
                        NewRequest.of(procedure, who.usager(), Channel.WEB, data),
                        IdempotencyKey.of("demo-seed-" + who.usager() + "-" + procedure));
        draft = core.requests()
                .edit(who, draft.id(), org.opengru.core.request.ActionInput.content(data, List.of()), null);
        return core.requests().submit(who, draft.id(), null);
    }
}
