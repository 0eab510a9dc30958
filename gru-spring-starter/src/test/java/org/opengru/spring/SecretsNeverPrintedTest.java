package org.opengru.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opengru.spring.storage.GruStorageAutoConfiguration;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.Environment;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.support.SpringFactoriesLoader;

/**
 * Item 8 of issue 16: a broken tenant configuration holding known secrets fails to start, and neither the
 * exception chain, nor the failure analysis, nor the captured output ever shows one of them.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretsNeverPrintedTest {

    static final String FC_SECRET = "fc-client-secret-0123456789-never-printed";
    static final String PC_SECRET = "pc-client-secret-0123456789-never-printed";
    static final String API_TOKEN = "api-particulier-token-0123456789-never-printed";
    static final String WEBHOOK_SECRET = "webhook-secret-0123456789-0123456789-never-printed";
    static final String MASTER_KEY = "bWFzdGVyLWtleS1uZXZlci1wcmludGVkLTAxMjM0NTY3";
    static final String SMTP_PASSWORD = "smtp-password-0123456789-never-printed";
    static final String IMAP_PASSWORD = "imap-password-0123456789-never-printed";
    static final String REPLY_SECRET = "cmVwbHktdG9rZW4tc2VjcmV0LW5ldmVyLXByaW50ZWQtMDEyMw==";
    static final List<String> SECRETS = List.of(
            FC_SECRET, PC_SECRET, API_TOKEN, WEBHOOK_SECRET, MASTER_KEY, SMTP_PASSWORD, IMAP_PASSWORD, REPLY_SECRET);

    private final ApplicationContextRunner runner =
            new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(GruStorageAutoConfiguration.class));

    private static String[] secrets(String... more) {
        List<String> values = new ArrayList<>(List.of(
                "gru.tenants.saint-martin.franceconnect.client-secret=" + FC_SECRET,
                "gru.tenants.saint-martin.proconnect.client-secret=" + PC_SECRET,
                "gru.tenants.saint-martin.api-particulier.token=" + API_TOKEN,
                "gru.webhooks.logiciel-metier.url=https://logiciel.example/webhook",
                "gru.webhooks.logiciel-metier.secret=" + WEBHOOK_SECRET,
                "gru.documents.master-key=" + MASTER_KEY,
                "gru.tenants.saint-martin.mail.smtp.password=" + SMTP_PASSWORD,
                "gru.tenants.saint-martin.mail.imap.password=" + IMAP_PASSWORD,
                "gru.tenants.saint-martin.mail.reply-token-secret=" + REPLY_SECRET));
        values.addAll(List.of(more));
        return values.toArray(String[]::new);
    }

    @Test
    void aBrokenTenantFailsWithoutPrintingItsSecrets(CapturedOutput output) {
        assertFailsWithoutSecrets(output, "gru.tenants.saint-martin.franceconnect.acr=eidas9");
        assertFailsWithoutSecrets(output, "gru.tenants.saint-martin.api-particulier.recipient=pas-un-siret");
        assertFailsWithoutSecrets(output, "gru.tenants.saint-martin.contact.phone=not a phone");
        assertFailsWithoutSecrets(output, "gru.tenants.Bad_Id.franceconnect.client-secret=" + FC_SECRET);
        assertFailsWithoutSecrets(output, "gru.webhooks.logiciel-metier.timeout=pas-une-duree");
        assertFailsWithoutSecrets(output, "gru.tenants.saint-martin.mail.imap.port=pas-un-port");
        assertFailsWithoutSecrets(output, "gru.tenants.saint-martin.mail.smtp.pasword=" + SMTP_PASSWORD);
    }

    @Test
    void aTooShortSecretIsRefusedWithoutPrintingIt(CapturedOutput output) {
        runner.withPropertyValues(
                        "gru.webhooks.logiciel-metier.url=https://logiciel.example/webhook",
                        "gru.webhooks.logiciel-metier.secret=court-et-secret")
                .run(context -> {
                    assertThat(context).hasFailed();
                    String printed = printed(context.getStartupFailure());
                    assertThat(printed)
                            .contains("gru.webhooks[logiciel-metier].secret")
                            .doesNotContain("court-et-secret");
                });
        assertThat(output.getAll()).doesNotContain("court-et-secret");
    }

    @Test
    void boundSecretsAreMaskedInToStringButUsable() {
        runner.withPropertyValues(secrets()).run(context -> {
            GruProperties properties = context.getBean(GruProperties.class);
            String shown = properties.toString() + properties.tenant("saint-martin");
            for (String secret : SECRETS) {
                assertThat(shown).doesNotContain(secret);
            }
            assertThat(properties
                            .tenant("saint-martin")
                            .franceconnect()
                            .clientSecret()
                            .reveal())
                    .isEqualTo(FC_SECRET);
            assertThat(properties
                            .webhooksOrEmpty()
                            .get("logiciel-metier")
                            .secret()
                            .reveal())
                    .isEqualTo(WEBHOOK_SECRET);
        });
    }

    private void assertFailsWithoutSecrets(CapturedOutput output, String broken) {
        runner.withPropertyValues(secrets(broken)).run(context -> {
            assertThat(context).as(broken).hasFailed();
            String printed = printed(context.getStartupFailure());
            for (String secret : SECRETS) {
                assertThat(printed).as(broken).doesNotContain(secret);
            }
        });
        for (String secret : SECRETS) {
            assertThat(output.getAll()).as(broken).doesNotContain(secret);
        }
    }

    /**
     * The whole exception chain with its stack trace, and the failure analysis Spring Boot prints: the first
     * registered analyzer, in their order, that explains the failure (OpenGRU's come first; Spring Boot's own
     * analysis of an unknown key would quote its value, so it must never be the one reached).
     */
    static String printed(Throwable failure) {
        StringWriter out = new StringWriter();
        failure.printStackTrace(new PrintWriter(out));
        SpringFactoriesLoader.ArgumentResolver arguments = SpringFactoriesLoader.ArgumentResolver.of(
                        BeanFactory.class, new DefaultListableBeanFactory())
                .and(Environment.class, new StandardEnvironment());
        for (FailureAnalyzer analyzer : SpringFactoriesLoader.forDefaultResourceLocation(
                        SecretsNeverPrintedTest.class.getClassLoader())
                .load(FailureAnalyzer.class, arguments)) {
            FailureAnalysis analysis = analyzer.analyze(failure);
            if (analysis != null) {
                out.append(analysis.getDescription()).append('\n').append(analysis.getAction());
                break;
            }
        }
        return out.toString();
    }
}
