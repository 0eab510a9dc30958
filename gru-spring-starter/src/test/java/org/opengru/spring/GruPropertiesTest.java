package org.opengru.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.opengru.spring.storage.GruStorageAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class GruPropertiesTest {

    private final ApplicationContextRunner runner =
            new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(GruStorageAutoConfiguration.class));

    @Test
    void aTenantInheritsWhatItLeavesUnsetFromTheDefaultsBlock() {
        runner.withPropertyValues(
                        "gru.defaults.contact.service=Accueil de la mairie",
                        "gru.defaults.contact.phone=01 23 45 67 89",
                        "gru.defaults.franceconnect.platform=integration",
                        "gru.defaults.franceconnect.acr=eidas1",
                        "gru.tenants.saint-martin.name=Mairie de Saint-Martin",
                        "gru.tenants.saint-martin.contact.service=Service état civil",
                        "gru.tenants.saint-martin.franceconnect.client-id=abc",
                        "gru.tenants.val-de-loire.name=Communauté de communes du Val")
                .run(context -> {
                    GruProperties properties = context.getBean(GruProperties.class);
                    assertThat(properties.tenantIds()).containsExactly("saint-martin", "val-de-loire");

                    TenantProperties stMartin = properties.tenant("saint-martin");
                    assertThat(stMartin.name()).isEqualTo("Mairie de Saint-Martin");
                    assertThat(stMartin.contact().service()).isEqualTo("Service état civil");
                    assertThat(stMartin.contact().phone()).isEqualTo("01 23 45 67 89");
                    assertThat(stMartin.franceconnect().clientId()).isEqualTo("abc");
                    assertThat(stMartin.franceconnect().platform()).isEqualTo(TenantProperties.Platform.INTEGRATION);
                    assertThat(stMartin.franceconnect().acr()).isEqualTo("eidas1");

                    TenantProperties val = properties.tenant("val-de-loire");
                    assertThat(val.contact().service()).isEqualTo("Accueil de la mairie");
                    assertThat(val.franceconnect().clientId()).isNull();
                });
    }

    @Test
    void jobsRunByDefaultAndCanBeTurnedOff() {
        runner.run(context -> {
            GruProperties.Jobs jobs = context.getBean(GruProperties.class).jobs();
            assertThat(jobs.enabled()).isTrue();
            assertThat(jobs.outboxRelayInterval()).isEqualTo(Duration.ofSeconds(1));
            assertThat(jobs.deadlineSweepInterval()).isEqualTo(Duration.ofMinutes(5));
        });
        runner.withPropertyValues("gru.jobs.enabled=false")
                .run(context -> assertThat(
                                context.getBean(GruProperties.class).jobs().enabled())
                        .isFalse());
    }

    @Test
    void anInvalidValueStopsStartupNamingTheProperty() {
        runner.withPropertyValues("gru.tenants.saint-martin.contact.phone=not a phone")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("tenants[saint-martin].contact.phone")
                        .hasMessageContaining("not a phone"));
        runner.withPropertyValues("gru.defaults.franceconnect.acr=eidas9")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("gru.defaults.franceconnect.acr")
                        .hasMessageContaining("eidas9"));
        runner.withPropertyValues("gru.tenants.Bad_Id.name=x")
                .run(context -> assertThat(context).hasFailed());
    }

    @Test
    void anUnknownTenantIsNamedWithTheKnownOnes() {
        runner.withPropertyValues("gru.tenants.saint-martin.name=x").run(context -> {
            GruProperties properties = context.getBean(GruProperties.class);
            org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                    .isThrownBy(() -> properties.tenant("nowhere"))
                    .withMessageContaining("nowhere")
                    .withMessageContaining("saint-martin");
        });
    }
}
