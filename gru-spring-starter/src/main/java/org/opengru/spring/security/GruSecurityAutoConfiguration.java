package org.opengru.spring.security;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.opengru.core.usager.UsagerStore;
import org.opengru.franceconnect.link.AccountLinkStore;
import org.opengru.franceconnect.link.UsagerLinker;
import org.opengru.franceconnect.rp.RelyingParties;
import org.opengru.franceconnect.rp.RelyingParty;
import org.opengru.spring.GruProperties;
import org.opengru.spring.franceconnect.AgentRelyingParties;
import org.opengru.spring.franceconnect.GruFranceConnectAutoConfiguration;
import org.opengru.spring.franceconnect.SignInObserver;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderNotFoundException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Spring Security sign-in through gru-franceconnect's relying parties: FranceConnect for residents,
 * ProConnect for agents (see {@link GruSecurityConfigurer}). Without a {@link SecurityFilterChain} of the
 * application's own, a default chain opens {@code gru.security.public-paths}, keeps
 * {@code gru.security.agent-paths} for agents and requires a sign-in everywhere else. Off with
 * {@code gru.security.enabled=false}.
 */
@AutoConfiguration(
        after = GruFranceConnectAutoConfiguration.class,
        beforeName = {
            "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration"
        })
@ConditionalOnClass({HttpSecurity.class, RelyingParty.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty(prefix = "gru.security", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableWebSecurity
public class GruSecurityAutoConfiguration {

    /** Paths for agents only on the default chain, after {@code public-paths} (which open the health check). */
    static final String[] AGENT_ONLY = {"/v3/api-docs", "/v3/api-docs/**", "/actuator", "/actuator/**"};

    @Bean
    @ConditionalOnMissingBean
    TenantResolver gruTenantResolver(GruProperties properties) {
        List<String> tenants = new ArrayList<>();
        properties.tenantIds().forEach(tenants::add);
        return DefaultResolvers.tenants(tenants);
    }

    @Bean
    @ConditionalOnMissingBean
    UsagerResolver gruUsagerResolver(UsagerLinker linker, AccountLinkStore links, UsagerStore usagers, Clock clock) {
        return DefaultResolvers.usagers(linker, links, usagers, clock);
    }

    @Bean
    @ConditionalOnMissingBean
    AgentResolver gruAgentResolver() {
        return DefaultResolvers.agents();
    }

    /**
     * Sign-in is FranceConnect and ProConnect: no password store. Without this, Spring Boot would create a
     * user with a generated password and print it at startup; no chain of OpenGRU's accepts it, yet it reads
     * like a back door. An application that wants another sign-in defines its own {@link AuthenticationManager},
     * {@link AuthenticationProvider} or {@link UserDetailsService}.
     */
    @Bean
    @ConditionalOnMissingBean({AuthenticationManager.class, AuthenticationProvider.class, UserDetailsService.class})
    AuthenticationManager gruNoPasswordSignIn() {
        return authentication -> {
            throw new ProviderNotFoundException("OpenGRU signs users in with FranceConnect and ProConnect only");
        };
    }

    @Bean
    @ConditionalOnMissingBean
    GruLogin gruLogin(
            GruProperties properties,
            RelyingParties residents,
            AgentRelyingParties agents,
            TenantResolver tenants,
            UsagerResolver usagers,
            AgentResolver agentResolver,
            ObjectProvider<SignInObserver> observers) {
        return new GruLogin(
                properties.security(),
                residents,
                agents,
                tenants,
                usagers,
                agentResolver,
                observers.orderedStream().toList());
    }

    /** The default chain, only when the application defines none. */
    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain gruSecurityFilterChain(HttpSecurity http, GruLogin login) throws Exception {
        GruProperties.Security paths = login.paths();
        http.with(login.configurer(), c -> {});
        http.authorizeHttpRequests(a -> {
            a.requestMatchers(paths.publicPaths().toArray(String[]::new)).permitAll();
            a.requestMatchers(
                            paths.loginPath(),
                            paths.callbackPath(),
                            paths.agentLoginPath(),
                            paths.agentCallbackPath(),
                            paths.logoutCallbackPath())
                    .permitAll();
            Stream.of(paths.loginPage(), paths.agentLoginPage())
                    .filter(Objects::nonNull)
                    .forEach(page -> a.requestMatchers(page).permitAll());
            a.requestMatchers(paths.agentPaths().toArray(String[]::new)).hasRole("AGENT");
            // What the application exposes about itself (API description, actuator) helps an attacker.
            a.requestMatchers(AGENT_ONLY).hasRole("AGENT");
            a.anyRequest().authenticated();
        });
        return http.build();
    }
}
