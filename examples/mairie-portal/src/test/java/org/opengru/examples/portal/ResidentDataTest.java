package org.opengru.examples.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The resident's history across modules and the download of everything the commune holds on her (RGPD
 * art. 15 and 20), over HTTP; nobody else gets that file.
 */
class ResidentDataTest extends RunningPortal {

    @LocalServerPort
    int port;

    @Test
    void theResidentSeesHerHistoryAndDownloadsAllHerData() {
        HttpBrowser resident = new HttpBrowser(port);
        resident.signInResident();
        HttpResponse<String> space = resident.get("/mon-espace");
        assertThat(space.body()).contains("Mon historique", "Télécharger mes données");

        HttpResponse<String> file = resident.get("/mon-espace/mes-donnees");
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(d -> assertThat(d).startsWith("attachment"));
        JsonNode export = JsonMapper.builder().build().readTree(file.body());
        assertThat(export.get("format").asString()).isEqualTo("opengru-subject-access/1");
        List<String> sections = new ArrayList<>(export.get("sections").propertyNames());
        assertThat(sections).contains("usager", "requests", "documents", "appointments", "franceconnect");

        HttpResponse<String> page = resident.get("/mon-espace/mes-donnees/lisible");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.body())
                .contains("<html lang=\"fr\">", "Votre identité", "Vos demandes", "Vos rendez-vous")
                .doesNotContain("\"sections\"", "franceconnect</h2>", "appointments</h2>");
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.context.ApplicationContext context;

    /** The canteen registrations' retention, declared in application.properties, runs as a job. */
    @Test
    void theCommunesRetentionPeriodsAreApplied() {
        assertThat(context.getBean("gruRetentionJobs", org.opengru.spring.jobs.GruJobContribution.class)
                        .jobs())
                .extracting(org.opengru.core.job.Job::name)
                .containsExactly("retention-commune-45000");
    }

    @Test
    void withoutSigningInThereIsNoFile() {
        HttpResponse<String> file = new HttpBrowser(port).step("/mon-espace/mes-donnees");
        assertThat(file.statusCode()).isIn(302, 303, 401, 403);
        assertThat(file.body()).doesNotContain("opengru-subject-access");
        HttpResponse<String> page = new HttpBrowser(port).step("/mon-espace/mes-donnees/lisible");
        assertThat(page.statusCode()).isIn(302, 303, 401, 403);
        assertThat(page.body()).doesNotContain("Votre identité");
    }
}
