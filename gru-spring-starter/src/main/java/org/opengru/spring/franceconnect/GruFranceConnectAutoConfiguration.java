package org.opengru.spring.franceconnect;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.opengru.core.GruCore;
import org.opengru.core.audit.AuditTrail;
import org.opengru.core.job.Job;
import org.opengru.core.rgpd.SubjectDataContributor;
import org.opengru.core.usager.UsagerStore;
import org.opengru.franceconnect.apiparticulier.ApiParticulierClient;
import org.opengru.franceconnect.flow.InMemoryLoginFlowStore;
import org.opengru.franceconnect.flow.LoginFlowStore;
import org.opengru.franceconnect.flow.PostgresLoginFlowStore;
import org.opengru.franceconnect.link.AccountLinkStore;
import org.opengru.franceconnect.link.AccountLinkSubjectData;
import org.opengru.franceconnect.link.InMemoryAccountLinkStore;
import org.opengru.franceconnect.link.PostgresAccountLinkStore;
import org.opengru.franceconnect.link.UsagerLinker;
import org.opengru.franceconnect.rp.RelyingParties;
import org.opengru.franceconnect.rp.RelyingParty;
import org.opengru.spring.GruProperties;
import org.opengru.spring.core.GruCoreAutoConfiguration;
import org.opengru.spring.jobs.GruJobContribution;
import org.opengru.spring.storage.GruStorage;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ResourceLoader;

/**
 * gru-franceconnect: the login flow store (PostgreSQL, so that a callback may reach any node, or
 * memory), one FranceConnect relying party per tenant with {@code gru.tenants.<id>.franceconnect}, one
 * agent relying party per tenant with {@code gru.tenants.<id>.proconnect}, and one API Particulier
 * client per tenant with {@code gru.tenants.<id>.api-particulier.token}.
 */
@AutoConfiguration(after = GruCoreAutoConfiguration.class)
@ConditionalOnClass({RelyingParty.class, GruCore.class})
public class GruFranceConnectAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    LoginFlowStore gruLoginFlowStore(GruStorage storage) {
        return storage.dataSource()
                .<LoginFlowStore>map(PostgresLoginFlowStore::new)
                .orElseGet(InMemoryLoginFlowStore::new);
    }

    /** The residents' relying parties (FranceConnect or FranceConnect+), by tenant. */
    @Bean
    @ConditionalOnMissingBean
    RelyingParties gruRelyingParties(
            GruProperties properties, LoginFlowStore store, Clock clock, ResourceLoader resources) {
        return RelyingParties.of(FranceConnectTenants.residents(properties, store, clock, resources));
    }

    @Bean
    @ConditionalOnMissingBean
    AgentRelyingParties gruAgentRelyingParties(
            GruProperties properties, LoginFlowStore store, Clock clock, ResourceLoader resources) {
        return new AgentRelyingParties(FranceConnectTenants.agents(properties, store, clock, resources));
    }

    @Bean
    @ConditionalOnMissingBean
    ApiParticulierClients gruApiParticulierClients(
            GruProperties properties, AuditTrail audit, Clock clock, GruStorage storage) {
        // API Particulier's 20 requests per second are per token, whatever the number of nodes.
        org.opengru.franceconnect.apiparticulier.ratelimit.ApiParticulierRateLimiter limiter = storage.dataSource()
                .<org.opengru.franceconnect.apiparticulier.ratelimit.ApiParticulierRateLimiter>map(
                        ds -> new org.opengru.franceconnect.apiparticulier.ratelimit.PostgresRateLimiter(
                                ds, ApiParticulierClient.DEFAULT_REQUESTS_PER_SECOND))
                .orElseGet(() -> new org.opengru.franceconnect.apiparticulier.ratelimit.InMemoryRateLimiter(
                        clock, ApiParticulierClient.DEFAULT_REQUESTS_PER_SECOND));
        return new ApiParticulierClients(FranceConnectTenants.apiParticulier(properties, audit, clock, limiter));
    }

    /** FranceConnect accounts linked to usagers: in PostgreSQL with the rest, or in memory. */
    @Bean
    @ConditionalOnMissingBean
    AccountLinkStore gruAccountLinkStore(GruStorage storage) {
        return storage.dataSource()
                .<AccountLinkStore>map(PostgresAccountLinkStore::new)
                .orElseGet(InMemoryAccountLinkStore::new);
    }

    /**
     * The account links' share of the usager's RGPD export and erasure. Last: a link follows the identity,
     * which gru-core's contributors erase or keep first.
     */
    @Bean
    @ConditionalOnMissingBean(name = "gruAccountLinkSubjectData")
    @Order(1000)
    SubjectDataContributor gruAccountLinkSubjectData(AccountLinkStore links, UsagerStore usagers) {
        return new AccountLinkSubjectData(links, usagers);
    }

    /** Maps FranceConnect sign-ins onto gru-core usagers (never on the e-mail address). */
    @Bean
    @ConditionalOnMissingBean
    UsagerLinker gruUsagerLinker(UsagerStore usagers, AccountLinkStore links, GruCore core, Clock clock) {
        return new UsagerLinker(usagers, links, core.ids(), clock);
    }

    /** Forgets expired login states and used nonces every 5 minutes. */
    @Bean
    @ConditionalOnMissingBean(name = "gruFranceConnectJobs")
    GruJobContribution gruFranceConnectJobs(LoginFlowStore store, Clock clock) {
        return () -> List.of(Job.named("login-flow-purge")
                .every(Duration.ofMinutes(5))
                .minimumInterval(Duration.ofSeconds(10))
                .runs(() -> store.purgeExpired(clock.instant())));
    }
}
