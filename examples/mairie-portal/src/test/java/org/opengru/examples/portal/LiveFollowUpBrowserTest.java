package org.opengru.examples.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.opengru.core.GruCore;
import org.opengru.core.request.Request;
import org.opengru.core.request.RequestStatus;
import org.opengru.examples.portal.commune.Labels;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;

/**
 * The live follow-up: the request page and "Mon espace" show a new state and a new message from the town
 * hall without a reload, say it in a polite live region, fall back to polling without EventSource, and
 * stream only to the signed-in resident whose request it is. The changes are made through the library, as
 * another node would: the page learns them from the database.
 */
class LiveFollowUpBrowserTest extends OneBrowserPerClass {

    @Autowired
    GruCore core;

    @Autowired
    Labels labels;

    @Autowired
    ApplicationContext context;

    @Test
    void theRequestPageShowsANewStateAndAMessageWithoutReload() {
        Request r = DeskFixtures.passportRequest(core);
        browser.signInResident();
        browser.open("/mes-demandes/" + r.id());
        browser.axe();
        assertThat(browser.find(By.id("suivi-annonce")).getAttribute("aria-live"))
                .isEqualTo("polite");
        assertThat(browser.find(By.id("suivi-annonce")).getAttribute("role")).isEqualTo("status");
        browser.driver.executeScript("window.pageNotReloaded = true;");

        core.requests().startReview(DeskFixtures.JEANNE, r.id(), null);
        String inReview = labels.status(RequestStatus.IN_REVIEW);
        waitFor(() -> browser.find(By.cssSelector("#suivi-zone-etat .status"))
                .getText()
                .equals(inReview));
        waitFor(() -> browser.find(By.id("suivi-annonce")).getText().contains("a changé d’état : " + inReview));

        DeskFixtures.messageFromTheTownHall(core, r, "Votre dossier est complet.");
        waitFor(() -> browser.find(By.id("suivi-zone-messages")).getText().contains("Votre dossier est complet."));
        waitFor(() -> browser.find(By.id("suivi-annonce")).getText().contains("Nouveau message de la mairie"));

        assertThat(browser.driver.executeScript("return window.pageNotReloaded === true;"))
                .isEqualTo(true);
        browser.axe();
    }

    @Test
    void myAreaShowsTheNewStateOfARequestWithoutReload() {
        Request r = DeskFixtures.passportRequest(core);
        browser.signInResident();
        browser.open("/mon-espace");
        browser.driver.executeScript("window.pageNotReloaded = true;");
        core.requests().startReview(DeskFixtures.JEANNE, r.id(), null);
        core.requests().accept(DeskFixtures.JEANNE, r.id(), null);
        String accepted = labels.status(RequestStatus.ACCEPTED);
        By row = By.xpath("//tr[td/a[text()='" + r.reference() + "']]");
        waitFor(() -> browser.find(row).getText().contains(accepted));
        waitFor(() -> browser.find(By.id("suivi-annonce"))
                .getText()
                .contains("Votre demande " + r.reference() + " a changé d’état : " + accepted));
        assertThat(browser.driver.executeScript("return window.pageNotReloaded === true;"))
                .isEqualTo(true);
        browser.axe();
    }

    @Test
    void withoutEventSourceThePageAsksForTheStateFromTimeToTime() {
        Request r = DeskFixtures.passportRequest(core);
        browser.signInResident();
        @SuppressWarnings("unchecked")
        Map<String, Object> script = browser.driver.executeCdpCommand(
                "Page.addScriptToEvaluateOnNewDocument", Map.of("source", "delete window.EventSource;"));
        try {
            browser.open("/mes-demandes/" + r.id());
            assertThat(browser.driver.executeScript("return typeof window.EventSource;"))
                    .isEqualTo("undefined");
            core.requests().startReview(DeskFixtures.JEANNE, r.id(), null);
            String inReview = labels.status(RequestStatus.IN_REVIEW);
            // The fallback asks every 20 seconds.
            waitFor(
                    Duration.ofSeconds(45),
                    () -> browser.find(By.cssSelector("#suivi-zone-etat .status"))
                            .getText()
                            .equals(inReview));
            // Said just after the page is brought up to date.
            waitFor(() -> browser.find(By.id("suivi-annonce")).getText().contains(inReview));
        } finally {
            browser.driver.executeCdpCommand(
                    "Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", script.get("identifier")));
        }
    }

    @Test
    void theStreamIsOnlyForTheSignedInResidentWhoseRequestItIs() throws Exception {
        Request r = DeskFixtures.passportRequest(core);

        // Signed out: the sign-in, not a stream.
        HttpBrowser anonymous = new HttpBrowser(PORT);
        HttpResponse<String> refused = anonymous.step("/mon-espace/suivi?demande=" + r.id());
        assertThat(refused.statusCode()).isBetween(300, 399);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).doesNotContain("text/event-stream");

        // Another resident: refused, nothing of the request said.
        HttpBrowser margaux = new HttpBrowser(PORT);
        margaux.signInResident(EmbeddedDatabasePersistenceTest.MARGAUX_SUB, EmbeddedDatabasePersistenceTest.MARGAUX);
        HttpResponse<String> notHers = margaux.step("/mon-espace/suivi/etat?demande=" + r.id());
        assertThat(notHers.statusCode()).isNotEqualTo(200);
        assertThat(notHers.body()).doesNotContain(r.reference().toString());

        // Claire: the state as JSON, and as a stream whose first event is the state.
        HttpBrowser claire = new HttpBrowser(PORT);
        claire.signInResident();
        HttpResponse<String> state = claire.step("/mon-espace/suivi/etat?demande=" + r.id());
        assertThat(state.statusCode()).isEqualTo(200);
        assertThat(state.body()).contains(r.reference().toString());
        HttpResponse<Stream<String>> stream = openStream(claire, r);
        assertThat(stream.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        try (Stream<String> lines = stream.body()) {
            Iterator<String> it = lines.iterator();
            java.util.List<String> event = firstEvent(it);
            String token = state.body().replaceAll(".*\"token\":\"([0-9a-f]+)\".*", "$1");
            assertThat(event).contains("event:etat", "id:" + token);
            assertThat(event)
                    .anySatisfy(l -> assertThat(l)
                            .startsWith("data:")
                            .contains(r.reference().toString()));
        }
    }

    @Test
    void stoppingThePortalEndsTheOpenStreamsAtOnce() throws Exception {
        Request r = DeskFixtures.passportRequest(core);
        HttpBrowser claire = new HttpBrowser(PORT);
        claire.signInResident();
        HttpResponse<Stream<String>> stream = openStream(claire, r);
        SmartLifecycle followUps = context.getBean("followUpController", SmartLifecycle.class);
        try (Stream<String> lines = stream.body()) {
            Iterator<String> it = lines.iterator();
            assertThat(firstEvent(it)).contains("event:etat");
            // Stopped before the web server's graceful shutdown, which would wait for the stream (30 s).
            followUps.stop();
            assertThat(followUps.isRunning()).isFalse();
            // The stream ends as a completed response, not cut: the browser reconnects.
            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
                while (it.hasNext()) {
                    it.next();
                }
            });
        } finally {
            followUps.start();
        }
        // Running again: a new stream stays open after its first event.
        HttpResponse<Stream<String>> again = openStream(claire, r);
        try (Stream<String> lines = again.body()) {
            assertThat(firstEvent(lines.iterator())).contains("event:etat");
        }
    }

    /** Opens the follow-up stream of a request with the resident's session. */
    private static HttpResponse<Stream<String>> openStream(HttpBrowser resident, Request r) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(url("/mon-espace/suivi?demande=" + r.id())))
                                .header("Cookie", "JSESSIONID=" + resident.sessionId())
                                .header("Accept", "text/event-stream")
                                .timeout(Duration.ofSeconds(20))
                                .build(),
                        HttpResponse.BodyHandlers.ofLines());
    }

    /** The lines of the stream's next event, up to the blank line that ends it. */
    private static java.util.List<String> firstEvent(Iterator<String> it) {
        java.util.List<String> event = new java.util.ArrayList<>();
        for (String line = it.next(); !line.isEmpty(); line = it.next()) {
            event.add(line);
        }
        return event;
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) {
        waitFor(Duration.ofSeconds(20), condition);
    }

    /** Waits for the condition; a zone replaced while it is read is read again. */
    private static void waitFor(Duration timeout, java.util.function.BooleanSupplier condition) {
        new WebDriverWait(browser.driver, timeout)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> condition.getAsBoolean());
    }
}
