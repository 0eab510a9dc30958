package org.opengru.examples.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opengru.examples.portal.demo.DemoPeople;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Malformed ids and unknown addresses give the French 404 page, signed in or not, never a 500 and never a
 * stack trace in the log; an unknown address asks nobody to sign in first.
 */
@ExtendWith(OutputCaptureExtension.class)
class UnknownAddressesTest extends RunningPortal {

    /** What a browser asks for (Spring Boot's error page answers JSON to a client that does not). */
    private static final String HTML = "text/html,application/xhtml+xml";

    private static final String[] RESIDENT_PAGES = {
        "/mes-demandes/pas-un-id",
        "/mes-demandes/00000000-0000-0000-0000-000000000000",
        "/mes-demandes/12345/accuse-reception",
        "/mes-documents/pas-un-id",
        "/rendez-vous/pas-un-id",
        "/rendez-vous/pas-un-id/calendrier.ics",
        "/demarches/demarche-inconnue",
        "/demarches/Pas%20un%20code",
        "/page-inexistante",
        "/mon-espace/inconnu"
    };

    private static final String[] AGENT_PAGES = {
        "/agent/demandes/pas-un-id",
        "/agent/demandes/00000000-0000-0000-0000-000000000000",
        "/agent/saisie?demarche=demarche-inconnue",
        "/agent/saisie?demarche=Pas%20un%20code",
        "/agent/rendez-vous?jour=2026-13-45",
        "/agent/rendez-vous?jour=demain",
        "/agent/inconnu"
    };

    @Test
    void signedOutAnUnknownAddressIsNotFoundRatherThanTheSignInPage(CapturedOutput log) {
        HttpBrowser visitor = new HttpBrowser(PORT);
        for (String path : new String[] {"/page-inexistante", "/wp-login.php", "/mes-demandes-x", "/css/inconnu.css"}) {
            HttpResponse<String> page = visitor.getWith(path, "Accept", HTML);
            assertThat(page.statusCode()).as(path).isEqualTo(404);
            assertThat(page.body()).as(path).contains("Page introuvable");
        }
        // A page that exists still asks to sign in.
        assertThat(visitor.getWith("/mon-espace").statusCode()).isEqualTo(302);
        assertThat(visitor.getWith("/mes-demandes/pas-un-id").statusCode()).isEqualTo(302);
        assertNoStackTrace(log);
    }

    @Test
    void malformedIdsAndUnknownPagesGiveTheFrench404PageToResidentsAndAgents(CapturedOutput log) {
        HttpBrowser resident = new HttpBrowser(PORT);
        resident.signInResident();
        for (String path : RESIDENT_PAGES) {
            assertNotFound(resident.getWith(path, "Accept", HTML), path);
        }
        HttpBrowser agent = new HttpBrowser(PORT);
        agent.signInAgent(DemoPeople.agent(DemoPeople.ACCUEIL));
        for (String path : AGENT_PAGES) {
            assertNotFound(agent.getWith(path, "Accept", HTML), path);
        }
        assertNoStackTrace(log);
    }

    private static void assertNotFound(HttpResponse<String> page, String path) {
        assertThat(page.statusCode()).as(path).isEqualTo(404);
        assertThat(page.body()).as(path).contains("Page introuvable").doesNotContain("Exception");
    }

    private static void assertNoStackTrace(CapturedOutput log) {
        assertThat(log.getAll()).doesNotContain("\tat org.");
    }
}
