package org.opengru.spring.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.Filter;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opengru.spring.TestTenant;
import org.opengru.spring.core.GruCoreAutoConfiguration;
import org.opengru.spring.franceconnect.GruFranceConnectAutoConfiguration;
import org.opengru.spring.storage.GruStorageAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderNotFoundException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

class GruSecurityAutoConfigurationTest {

    /** The starter's security with one tenant, in a servlet application without a chain of its own. */
    static final WebApplicationContextRunner RUNNER = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    GruStorageAutoConfiguration.class,
                    GruCoreAutoConfiguration.class,
                    GruFranceConnectAutoConfiguration.class,
                    GruSecurityAutoConfiguration.class,
                    ServletWebSecurityAutoConfiguration.class))
            .withBean(Clock.class, () -> TestTenant.CLOCK)
            .withPropertyValues(TestTenant.PROPERTIES);

    private final WebApplicationContextRunner runner = RUNNER;

    @Test
    void presentWithADefaultChainAndTheOnlyTenantResolved() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(GruLogin.class).hasBean("gruSecurityFilterChain");
            assertThat(context.getBean(TenantResolver.class).resolve(new MockHttpServletRequest()))
                    .hasValue(TestTenant.TENANT);
        });
    }

    @Test
    void noUserWithAGeneratedPasswordUnlessTheApplicationAsksForPasswords() {
        WebApplicationContextRunner boot =
                runner.withConfiguration(AutoConfigurations.of(UserDetailsServiceAutoConfiguration.class));
        boot.run(context -> {
            assertThat(context).doesNotHaveBean(UserDetailsService.class).hasBean("gruNoPasswordSignIn");
            assertThatThrownBy(() -> context.getBean(AuthenticationManager.class)
                            .authenticate(new UsernamePasswordAuthenticationToken("user", "password")))
                    .isInstanceOf(ProviderNotFoundException.class);
        });
        UserDetailsService own = new InMemoryUserDetailsManager();
        boot.withBean(UserDetailsService.class, () -> own)
                .run(context -> assertThat(context).doesNotHaveBean("gruNoPasswordSignIn"));
    }

    @Test
    void backsOffWhenTheApplicationDefinesItsOwnChainOrResolver() {
        TenantResolver own = request -> Optional.empty();
        runner.withUserConfiguration(OwnChain.class)
                .withBean(TenantResolver.class, () -> own)
                .run(context -> {
                    assertThat(context).doesNotHaveBean("gruSecurityFilterChain");
                    assertThat(context).hasBean("portal");
                    assertThat(context.getBean(TenantResolver.class)).isSameAs(own);
                    assertThat(context).hasSingleBean(GruLogin.class);
                });
    }

    @Test
    void absentWithoutSpringSecurityOrWhenTurnedOff() {
        runner.withClassLoader(new FilteredClassLoader(HttpSecurity.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(GruLogin.class));
        runner.withPropertyValues("gru.security.enabled=false")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(GruLogin.class));
    }

    @Test
    void anonymousVisitorsGoStraightToTheProvidersAndFailuresHome() {
        runner.run(context -> {
            Filter chain = context.getBean("springSecurityFilterChain", Filter.class);
            assertThat(send(chain, "GET", "/mon-espace").getRedirectedUrl()).isEqualTo("/login/franceconnect");
            assertThat(send(chain, "GET", "/agent/dossiers").getRedirectedUrl()).isEqualTo("/login/proconnect");
            assertThat(send(chain, "GET", "/login/proconnect/callback").getRedirectedUrl())
                    .isEqualTo("/?login-error");
            assertThat(send(chain, "GET", "/logout/callback").getRedirectedUrl())
                    .isEqualTo("/");
        });
    }

    @Test
    void theApplicationsSignInPagesReceiveAnonymousVisitorsAndFailedSignIns() {
        runner.withPropertyValues(
                        "gru.security.login-page=/connexion",
                        "gru.security.agent-login-page=/agent/connexion",
                        "gru.security.logged-out-path=/?deconnecte")
                .run(context -> {
                    Filter chain = context.getBean("springSecurityFilterChain", Filter.class);
                    assertThat(send(chain, "GET", "/mon-espace").getRedirectedUrl())
                            .isEqualTo("/connexion");
                    assertThat(send(chain, "GET", "/agent/dossiers").getRedirectedUrl())
                            .isEqualTo("/agent/connexion");
                    // The default chain opens the pages, even the one under agent-paths.
                    assertThat(send(chain, "GET", "/agent/connexion").getStatus())
                            .isEqualTo(200);
                    assertThat(send(chain, "GET", "/connexion").getStatus()).isEqualTo(200);
                    assertThat(send(chain, "GET", "/login/proconnect/callback").getRedirectedUrl())
                            .isEqualTo("/agent/connexion?login-error");
                    assertThat(send(chain, "GET", "/login/franceconnect/callback")
                                    .getRedirectedUrl())
                            .isEqualTo("/connexion?login-error");
                    assertThat(send(chain, "GET", "/logout/callback").getRedirectedUrl())
                            .isEqualTo("/?deconnecte");
                });
    }

    private static MockHttpServletResponse send(Filter chain, String method, String path) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        MockHttpServletResponse response = new MockHttpServletResponse();
        chain.doFilter(request, response, new MockFilterChain());
        return response;
    }

    @Test
    void aPathThatIsNotAPathIsRefusedNamingTheProperty() {
        runner.withPropertyValues("gru.security.login-path=login")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("security.loginPath")
                        .hasMessageContaining("login"));
    }

    /** The application's own chain of docs/spring-boot.md, as written there. */
    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    static class OwnChain {
        // tag::own-chain[]
        @Bean
        SecurityFilterChain portal(HttpSecurity http, GruLogin gru) throws Exception {
            http.with(gru.configurer(), c -> {});
            http.authorizeHttpRequests(a -> a.requestMatchers("/", "/demarches/**")
                    .permitAll()
                    .anyRequest()
                    .authenticated());
            return http.build();
        }
        // end::own-chain[]
    }
}
