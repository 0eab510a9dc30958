package org.opengru.examples.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opengru.core.id.UsagerId;
import org.opengru.core.principal.Principal;
import org.opengru.examples.portal.commune.Commune;
import org.opengru.scheduling.booking.BookingService;
import org.opengru.scheduling.booking.RateLimiter;
import org.opengru.scheduling.postgres.PostgresRateLimiter;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** The demo's embedded PostgreSQL keeps its data in a local folder: a restart finds it again. */
class EmbeddedDatabasePersistenceTest {

    /** A resident the demo does not know: her usager is created at her first FranceConnect sign-in. */
    static final String MARGAUX_SUB = "b0a7c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0v1";

    static final Map<String, Object> MARGAUX = Map.of(
            "given_name", "Margaux Anne",
            "family_name", "Petit",
            "birthdate", "1991-02-14",
            "gender", "female",
            "birthplace", "45234",
            "birthcountry", "99100",
            "email", "margaux.petit@example.fr",
            "acr", "eidas1");

    @TempDir
    Path data;

    private final int port = RunningPortal.freePort();
    private final int providerPort = RunningPortal.freePort();
    // Never the demo's fixed mail ports: another portal (a second build on the machine) may hold them.
    private final int smtpPort = RunningPortal.freePort();
    private final int imapPort = RunningPortal.freePort();

    @Test
    void dataSurvivesARestartOfThePortal() {
        try (ConfigurableApplicationContext first = start(WebApplicationType.NONE)) {
            JdbcTemplate jdbc = new JdbcTemplate(first.getBean(DataSource.class));
            jdbc.execute("CREATE TABLE restart_check (note text)");
            jdbc.update("INSERT INTO restart_check VALUES ('avant le redémarrage')");
        }
        try (ConfigurableApplicationContext second = start(WebApplicationType.NONE)) {
            JdbcTemplate jdbc = new JdbcTemplate(second.getBean(DataSource.class));
            assertThat(jdbc.queryForObject("SELECT note FROM restart_check", String.class))
                    .isEqualTo("avant le redémarrage");
        }
    }

    /**
     * Her usager and the link of her FranceConnect account to it are in PostgreSQL with her requests: after a
     * restart the same sign-in is the same usager, who sees her request. (With the usagers or the account
     * links in memory, the second sign-in creates a new usager, who sees nothing; with the message threads in
     * memory, her message is gone.)
     */
    @Test
    void aResidentSigningInAfterARestartFindsHerRequest() {
        String request;
        try (ConfigurableApplicationContext first = start(WebApplicationType.SERVLET)) {
            HttpBrowser margaux = new HttpBrowser(port);
            assertThat(margaux.signInResident(MARGAUX_SUB, MARGAUX).uri().getPath())
                    .isEqualTo("/mon-espace");
            String form = "/demarches/" + Commune.ACTE_ETAT_CIVIL;
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("_csrf", HttpBrowser.csrf(margaux.get(form)));
            fields.put("jeton", UUID.randomUUID().toString());
            fields.put("champ_typeActe", "naissance");
            fields.put("champ_nomPersonne", "Margaux Anne Petit");
            fields.put("champ_dateEvenement", "1991-02-14");
            HttpResponse<String> filed = margaux.postMultipart(form, fields);
            assertThat(filed.body()).contains("Votre demande est envoyée");
            request = filed.uri().getPath();
            assertThat(margaux.get("/mon-espace").body()).contains(request);
            Map<String, String> message = new LinkedHashMap<>();
            message.put("_csrf", HttpBrowser.csrf(margaux.get(request)));
            message.put("message", "Message écrit avant le redémarrage");
            assertThat(margaux.postMultipart(request + "/messages", message).body())
                    .contains("Message écrit avant le redémarrage");
        }
        try (ConfigurableApplicationContext second = start(WebApplicationType.SERVLET)) {
            HttpBrowser margaux = new HttpBrowser(port);
            HttpResponse<String> space = margaux.signInResident(MARGAUX_SUB, MARGAUX);
            assertThat(space.uri().getPath()).isEqualTo("/mon-espace");
            assertThat(space.body()).contains("Margaux Anne Petit").contains(request);
            HttpResponse<String> page = margaux.get(request);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).as("the thread is in PostgreSQL").contains("Message écrit avant le redémarrage");
        }
    }

    /**
     * The waiting list is in PostgreSQL (and so is the rate limit): whoever waits for a passport slot is
     * still waiting after a restart, or on another node. (With the list in memory, the second start finds
     * nobody.)
     */
    @Test
    void theWaitingListSurvivesARestart() {
        UsagerId resident = UsagerId.of(UUID.randomUUID());
        LocalDate day = LocalDate.now().plusDays(10);
        try (ConfigurableApplicationContext first = start(WebApplicationType.NONE)) {
            assertThat(first.getBean(RateLimiter.class)).isInstanceOf(PostgresRateLimiter.class);
            first.getBean(BookingService.class)
                    .joinWaitingList(
                            Principal.usager(Commune.TENANT, resident),
                            Commune.HOTEL_DE_VILLE,
                            Commune.SERVICE_PASSEPORT,
                            resident,
                            day,
                            day);
        }
        try (ConfigurableApplicationContext second = start(WebApplicationType.NONE)) {
            assertThat(second.getBean(BookingService.class)
                            .waiting(Commune.TENANT, Commune.HOTEL_DE_VILLE, Commune.SERVICE_PASSEPORT))
                    .containsExactly(resident);
        }
    }

    private ConfigurableApplicationContext start(WebApplicationType type) {
        SpringApplication app = new SpringApplication(MairiePortalApplication.class);
        app.setWebApplicationType(type);
        return app.run(
                "--server.port=" + port,
                "--portal.demo.identity-provider-port=" + providerPort,
                // No payment here: the PayFiP sandbox on any free port.
                "--portal.demo.payfip-port=0",
                "--portal.demo.smtp-port=" + smtpPort,
                "--portal.demo.imap-port=" + imapPort,
                "--portal.database.directory=" + data.resolve("postgres"),
                "--portal.documents.directory=" + data.resolve("documents"));
    }
}
