package org.opengru.spring.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.opengru.spring.TestTenant;
import org.opengru.spring.core.GruCoreAutoConfiguration;
import org.opengru.spring.documents.GruDocumentsAutoConfiguration;
import org.opengru.spring.storage.GruStorageAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Typos and unset variables in {@code gru.*} stop the start with a message naming them. */
class GruConfigurationCheckTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    GruConfigurationAutoConfiguration.class,
                    GruStorageAutoConfiguration.class,
                    GruCoreAutoConfiguration.class,
                    GruDocumentsAutoConfiguration.class))
            .withBean(Clock.class, () -> TestTenant.CLOCK)
            .withPropertyValues(TestTenant.PROPERTIES);

    @Test
    void theDocumentedPropertiesStart() {
        runner.run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void eachUnknownKeyStopsTheStartAndNamesTheNearestValidOne() {
        runner.withPropertyValues(
                        "gru.tenants.saint-martin.franceconect.client-id=abc",
                        "gru.tenants.saint-martin.contact.emial=accueil@saint-martin.fr",
                        "gru.documents.master-kye=AAAA",
                        "gru.tenants.saint-martin.zzzzzzzzzzzz=1")
                .run(context -> {
                    assertThat(context).hasFailed();
                    FailureAnalysis analysis =
                            new UnknownPropertyFailureAnalyzer().analyze(context.getStartupFailure());
                    assertThat(analysis).isNotNull();
                    assertThat(analysis.getDescription())
                            .contains("gru.tenants.saint-martin.franceconect.client-id (did you mean"
                                    + " gru.tenants.saint-martin.franceconnect.client-id?)")
                            .contains("gru.tenants.saint-martin.contact.emial (did you mean"
                                    + " gru.tenants.saint-martin.contact.email?)")
                            .contains("gru.documents.master-kye (did you mean gru.documents.master-key?)")
                            .contains("gru.tenants.saint-martin.zzzzzzzzzzzz")
                            .doesNotContain("zzzzzzzzzzzz (did you mean");
                });
    }

    @Test
    void aSecretWhoseEnvironmentVariableIsUnsetIsReportedAsUnset() {
        runner.withPropertyValues("gru.documents.master-key=${OPENGRU_TEST_UNSET_MASTER_KEY}")
                .run(context -> {
                    assertThat(context).hasFailed();
                    FailureAnalysis analysis = new UnsetVariableFailureAnalyzer().analyze(context.getStartupFailure());
                    assertThat(analysis).isNotNull();
                    assertThat(analysis.getDescription())
                            .contains("gru.documents.master-key refers to ${OPENGRU_TEST_UNSET_MASTER_KEY}")
                            .contains("is not set")
                            .doesNotContain("Base64");
                });
        // A placeholder with a default resolves.
        runner.withPropertyValues("gru.tenants.saint-martin.contact.service=${OPENGRU_TEST_UNSET_SERVICE:Accueil}")
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void anUnresolvedPlaceholderNeverBecomesASecret() {
        // Outside gru.* too (a host's own Secret properties): the variable's name is not taken as the secret.
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> org.opengru.spring.Secret.of("${OPENGRU_TEST_UNSET_TOKEN_ABCDEFGHIJKLMNOPQRSTUVWXYZ}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("OPENGRU_TEST_UNSET_TOKEN_ABCDEFGHIJKLMNOPQRSTUVWXYZ")
                .hasMessageContaining("not set");
        assertThat(org.opengru.spring.Secret.of("a${b}c").reveal()).isEqualTo("a${b}c");
    }

    @Test
    void nearestIgnoresNamesTooFarToBeATypo() {
        var known = new java.util.TreeSet<>(java.util.List.of("gru.storage", "gru.defaults.name"));
        assertThat(UnknownPropertyFailureAnalyzer.nearest("gru.storag", known)).contains("gru.storage");
        assertThat(UnknownPropertyFailureAnalyzer.nearest("gru.tenants.a.nam", known))
                .contains("gru.tenants.a.name");
        assertThat(UnknownPropertyFailureAnalyzer.nearest("gru.completely-different", known))
                .isEmpty();
    }
}
