package org.opengru.spring.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Period;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opengru.core.rgpd.EndOfLife;
import org.opengru.spring.GruProperties;
import org.opengru.spring.TenantProperties;
import org.opengru.spring.storage.GruStorageAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.boot.env.PropertySourceLoader;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * The starter configuration the docs show (rgpd.md, channels.md, spring-boot.md) binds as written: each
 * block is a file under {@code src/test/resources/docs}, shown in its page through a snippet marker, and an
 * unknown or misspelt key there would stop the start, as it would a host's.
 */
class DocConfigurationTest {

    private final ApplicationContextRunner runner =
            new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(GruStorageAutoConfiguration.class));

    private static ApplicationContextRunner withFile(ApplicationContextRunner runner, String file) {
        PropertySourceLoader loader =
                file.endsWith(".yaml") ? new YamlPropertySourceLoader() : new PropertiesPropertySourceLoader();
        return runner.withInitializer(context -> {
            try {
                List<PropertySource<?>> sources = loader.load(file, new ClassPathResource("docs/" + file));
                sources.forEach(context.getEnvironment().getPropertySources()::addLast);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Test
    void theRetentionOfRgpdMdBinds() {
        withFile(runner, "retention.yaml").run(context -> {
            assertThat(context).hasNotFailed();
            TenantProperties.Retention r = context.getBean(GruProperties.class)
                    .tenant("saint-martin")
                    .retentionOrEmpty()
                    .get("inscription-cantine");
            assertThat(r.active()).isEqualTo(Period.ofYears(1));
            assertThat(r.archive()).isEqualTo(Period.ofYears(2));
            assertThat(r.endOfLife()).isEqualTo(EndOfLife.PURGE);
        });
    }

    @Test
    void theReportsOfSignalementsMdBind() {
        withFile(runner, "reports.yaml").run(context -> {
            assertThat(context).hasNotFailed();
            GruProperties properties = context.getBean(GruProperties.class);
            TenantProperties.Reports reports = properties.tenant("saint-martin").reports();
            assertThat(reports.categories()).containsEntry("depot-sauvage", "Dépôt sauvage de déchets");
            assertThat(reports.zonesOrEmpty()).containsKey("centre");
            assertThat(reports.routingOrEmpty()).hasSize(2);
            assertThat(reports.anonymousAllowed()).isTrue();
            assertThat(reports.map().tileUrl())
                    .startsWith("https://data.geopf.fr/wmts?")
                    .contains("{z}");
            assertThat(properties.reports().floodLimit()).isEqualTo(10);
        });
    }

    @Test
    void theMailOfChannelsMdBinds() {
        withFile(runner, "mail.properties")
                .withPropertyValues(
                        "SMTP_PASSWORD=smtp-secret",
                        "IMAP_PASSWORD=imap-secret",
                        "REPLY_TOKEN_SECRET=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    GruProperties properties = context.getBean(GruProperties.class);
                    TenantProperties.Mail mail =
                            properties.tenant("saint-martin").mail();
                    assertThat(mail.smtp().host()).isEqualTo("smtp.saint-martin.fr");
                    assertThat(mail.smtp().from()).isEqualTo("ne-pas-repondre@saint-martin.fr");
                    assertThat(mail.imap().host()).isEqualTo("imap.saint-martin.fr");
                    assertThat(mail.replyAddress()).isEqualTo("reponses@saint-martin.fr");
                    assertThat(properties.notifications().requestUrl())
                            .isEqualTo("https://demarches.saint-martin.fr/mes-demandes/");
                });
    }

    @Test
    void theSignInOfSpringBootMdBinds() {
        withFile(runner, "sign-in.yaml")
                .withPropertyValues(
                        "FC_CLIENT_ID=fc-client",
                        "FC_CLIENT_SECRET=fc-secret",
                        "PC_CLIENT_ID=pc-client",
                        "PC_CLIENT_SECRET=pc-secret")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    TenantProperties t = context.getBean(GruProperties.class).tenant("saint-martin");
                    assertThat(t.franceconnect().clientId()).isEqualTo("fc-client");
                    assertThat(t.franceconnect().platform()).isEqualTo(TenantProperties.Platform.INTEGRATION);
                    assertThat(t.proconnect().clientId()).isEqualTo("pc-client");
                    assertThat(t.proconnect().teams())
                            .containsEntry("agent@saint-martin.fr", List.of("enfance", "etat-civil"));
                });
    }

    @Test
    void thePrivateKeyJwtOfSpringBootMdBinds() {
        withFile(runner, "private-key-jwt.yaml")
                .withPropertyValues("FC_CLIENT_ID=fc-client")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    TenantProperties.FranceConnect fc = context.getBean(GruProperties.class)
                            .tenant("saint-martin")
                            .franceconnect();
                    assertThat(fc.clientId()).isEqualTo("fc-client");
                    assertThat(fc.clientAuthentication()).isEqualTo("private_key_jwt");
                    assertThat(fc.clientAssertionKeys()).isEqualTo("file:/etc/gru/fc-client-keys.json");
                });
    }
}
