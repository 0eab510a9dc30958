package org.opengru.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.io.support.SpringFactoriesLoader;

/** The registration files list classes that exist, and a real startup prints the failure analysis. */
@ExtendWith(OutputCaptureExtension.class)
class RegistrationTest {

    @Test
    void everyListedAutoConfigurationExistsAndIsOne() throws Exception {
        List<String> names = new ArrayList<>();
        ImportCandidates.load(AutoConfiguration.class, getClass().getClassLoader())
                .forEach(names::add);
        List<String> ours =
                names.stream().filter(n -> n.startsWith("org.opengru.")).toList();
        assertThat(ours).hasSize(12);
        for (String name : ours) {
            assertThat(Class.forName(name).isAnnotationPresent(AutoConfiguration.class))
                    .as(name)
                    .isTrue();
        }
    }

    @Test
    @SuppressWarnings("deprecation")
    void everyFailureAnalyzerIsRegistered() throws Exception {
        List<String> analyzers =
                SpringFactoriesLoader.loadFactoryNames(
                                FailureAnalyzer.class, getClass().getClassLoader())
                        .stream()
                        .filter(n -> n.startsWith("org.opengru."))
                        .toList();
        assertThat(analyzers).hasSize(6);
        for (String name : analyzers) {
            assertThat(FailureAnalyzer.class.isAssignableFrom(Class.forName(name)))
                    .as(name)
                    .isTrue();
        }
    }

    @Test
    @SuppressWarnings("deprecation")
    void theServerDefaultsAreRegistered() {
        assertThat(SpringFactoriesLoader.loadFactoryNames(
                        org.springframework.boot.EnvironmentPostProcessor.class,
                        getClass().getClassLoader()))
                .contains(org.opengru.spring.security.GruWebDefaults.class.getName());
    }

    @Test
    void aRealStartupWithoutAClientIdPrintsWhatToDo(CapturedOutput output) {
        SpringApplication app = new SpringApplication(org.opengru.spring.registration.EmptyApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setDefaultProperties(java.util.Map.of(
                "spring.autoconfigure.exclude",
                "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
                "gru.tenants.saint-martin.franceconnect.enabled",
                "true"));
        try {
            app.run();
        } catch (RuntimeException expected) {
            // The failure analysis is printed before the exception propagates.
        }
        assertThat(output.getOut() + output.getErr())
                .contains("APPLICATION FAILED TO START")
                .contains("gru.tenants.saint-martin.franceconnect.client-id")
                .contains("Action:");
    }
}
