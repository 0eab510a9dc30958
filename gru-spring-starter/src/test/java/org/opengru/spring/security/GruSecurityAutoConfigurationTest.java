package org.opengru.spring.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opengru.spring.TestTenant;
import org.opengru.spring.core.GruCoreAutoConfiguration;
import org.opengru.spring.franceconnect.GruFranceConnectAutoConfiguration;
import org.opengru.spring.storage.GruStorageAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

class GruSecurityAutoConfigurationTest {

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    GruStorageAutoConfiguration.class,
                    GruCoreAutoConfiguration.class,
                    GruFranceConnectAutoConfiguration.class,
                    GruSecurityAutoConfiguration.class,
                    ServletWebSecurityAutoConfiguration.class))
            .withBean(Clock.class, () -> TestTenant.CLOCK)
            .withPropertyValues(TestTenant.PROPERTIES);

    @Test
    void presentWithADefaultChainAndTheOnlyTenantResolved() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(GruLogin.class).hasBean("gruSecurityFilterChain");
            assertThat(context.getBean(TenantResolver.class).resolve(new MockHttpServletRequest()))
                    .hasValue(TestTenant.TENANT);
        });
    }

    @Test
    void backsOffWhenTheApplicationDefinesItsOwnChainOrResolver() {
        TenantResolver own = request -> Optional.empty();
        runner.withUserConfiguration(OwnChain.class)
                .withBean(TenantResolver.class, () -> own)
                .run(context -> {
                    assertThat(context).doesNotHaveBean("gruSecurityFilterChain");
                    assertThat(context).hasBean("ownChain");
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
    void aPathThatIsNotAPathIsRefusedNamingTheProperty() {
        runner.withPropertyValues("gru.security.login-path=login")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("security.loginPath")
                        .hasMessageContaining("login"));
    }

    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    static class OwnChain {
        @org.springframework.context.annotation.Bean
        SecurityFilterChain ownChain(HttpSecurity http, GruLogin gru) throws Exception {
            http.with(gru.configurer(), c -> {});
            http.authorizeHttpRequests(a -> a.anyRequest().permitAll());
            return http.build();
        }
    }
}
