package org.opengru.examples.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.opengru.examples.portal.commune.Commune;
import org.opengru.examples.portal.demo.DemoPeople;
import org.opengru.reports.GeoPoint;
import org.opengru.reports.Report;
import org.opengru.reports.ReportDraft;
import org.opengru.reports.ReportService;
import org.opengru.reports.ReportStatus;
import org.opengru.reports.Reporter;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The signalement pages in Chromium with axe-core: the map (Leaflet, served by the portal) is drawn where
 * JavaScript runs, a resident reports with the keyboard only (the map takes its centre on Enter, the device's
 * position fills the point), the public map shows the reports, and an agent moves several reports at once
 * with the keyboard.
 */
class ReportsBrowserTest extends OneBrowserPerClass {

    @Autowired
    ReportService reports;

    @Test
    void aResidentReportsWithTheKeyboardOnlyTheMapTakingItsCentreOnEnter() {
        browser.signInResident();
        browser.open("/signalements/nouveau");
        waitFor(".carte.leaflet-container");
        assertThat(browser.find(By.cssSelector(".carte")).isDisplayed()).isTrue();
        browser.axe();

        Keyboard.tabTo(browser.driver, By.id("categorie"), 40);
        Keyboard.type(browser.driver, "Graf");
        Keyboard.tabTo(browser.driver, By.cssSelector(".carte"), 10);
        Keyboard.type(browser.driver, Keys.ENTER);
        assertThat(browser.find(By.id("point-choisi")).getText()).contains("au centre de la carte");
        assertThat(browser.find(By.name("lat")).getAttribute("value")).isNotBlank();
        Keyboard.tabTo(browser.driver, By.xpath("//button[text()='Continuer']"), 20);
        browser.go(() -> Keyboard.type(browser.driver, Keys.ENTER));
        assertThat(browser.page()).contains("Étape 2 sur 2").contains("Graffiti ou affichage sauvage");
        browser.axe();

        Keyboard.tabTo(browser.driver, By.id("description"), 40);
        Keyboard.type(browser.driver, "Des affiches collées sur l'abribus.");
        Keyboard.tabTo(browser.driver, By.xpath("//button[text()='Envoyer le signalement']"), 10);
        browser.go(() -> Keyboard.type(browser.driver, Keys.ENTER));
        assertThat(browser.page()).contains("Votre signalement est envoyé").contains("Graffiti ou affichage sauvage");
        browser.axe();
    }

    /** A photo's position proposed at step 1 and confirmed; the page stays accessible with the proposal. */
    @Test
    void aPhotosPositionIsProposedAndConfirmed() throws Exception {
        java.nio.file.Path photo = java.nio.file.Files.createTempFile("signalement", ".jpg");
        java.nio.file.Files.write(photo, ReportsJourneyTest.jpegAt(47.9304, 1.9504));
        browser.signInResident();
        browser.open("/signalements/nouveau");
        new org.openqa.selenium.support.ui.Select(browser.find(By.id("categorie"))).selectByValue("voirie");
        browser.find(By.id("photo")).sendKeys(photo.toString());
        browser.go(() -> browser.find(By.xpath("//button[text()='Continuer']")).click());
        assertThat(browser.page()).contains("utiliser cet emplacement ?");
        browser.axe();
        browser.go(() -> browser.find(By.xpath("//button[text()='Continuer']")).click());
        assertThat(browser.page()).contains("Étape 2 sur 2");
        java.nio.file.Files.deleteIfExists(photo);
    }

    /**
     * The "Utiliser ma position" button: the page's script asks the browser for the position and fills the
     * point. Headless Chromium here has no position source (its CDP override answered "unavailable"), so the
     * browser's geolocation is stood in for by a script giving a fixed position.
     */
    @Test
    void theDevicesPositionFillsThePoint() {
        browser.signInResident();
        browser.open("/signalements/nouveau");
        waitFor(".carte.leaflet-container");
        browser.driver.executeScript("navigator.geolocation.getCurrentPosition = function (ok) {"
                + " ok({ coords: { latitude: 47.91, longitude: 1.9, accuracy: 10 } }); };");
        browser.click(By.xpath("//button[text()='Utiliser ma position']"));
        assertThat(browser.find(By.id("point-choisi")).getText()).contains("à votre position");
        assertThat(browser.find(By.name("lat")).getAttribute("value")).isEqualTo("47.910000");
        assertThat(browser.find(By.name("lon")).getAttribute("value")).isEqualTo("1.900000");
    }

    @Test
    void thePublicMapShowsTheReportsAndAnAgentMovesTwoAtOnceWithTheKeyboard() {
        browser.open("/signalements");
        waitFor(".carte path.leaflet-interactive");
        browser.axe();
        browser.open("/signalements/donnees-ouvertes");
        browser.axe();

        Report first = file(new GeoPoint(47.8850, 1.9400));
        Report second = file(new GeoPoint(47.8860, 1.9450));
        browser.signInAgent(DemoPeople.LINH);
        browser.open("/agent/signalements?categorie=eclairage&etat=RECEIVED&zone=sud");
        waitFor(".carte.leaflet-container");
        browser.axe();
        // Newest first: the second report's row comes first.
        Keyboard.tabTo(browser.driver, By.cssSelector("input[value='" + second.id() + "']"), 80);
        Keyboard.type(browser.driver, Keys.SPACE);
        Keyboard.tabTo(browser.driver, By.cssSelector("input[value='" + first.id() + "']"), 10);
        Keyboard.type(browser.driver, Keys.SPACE);
        Keyboard.tabTo(browser.driver, By.id("etat-groupe"), 20);
        Keyboard.type(browser.driver, "Pris");
        Keyboard.tabTo(browser.driver, By.xpath("//button[text()='Appliquer aux signalements cochés']"), 5);
        browser.go(() -> Keyboard.type(browser.driver, Keys.ENTER));
        assertThat(browser.page()).contains("2 signalements passés à l'état « pris en charge »");
        var linh = org.opengru.core.principal.Principal.agent(
                Commune.TENANT, DemoPeople.LINH, java.util.Set.of(Commune.PROPRETE, Commune.URBANISME));
        assertThat(reports.report(linh, first.id()).status()).isEqualTo(ReportStatus.IN_PROGRESS);
        assertThat(reports.report(linh, second.id()).status()).isEqualTo(ReportStatus.IN_PROGRESS);
        browser.open("/agent/signalements/" + first.id());
        browser.axe();
    }

    private Report file(GeoPoint where) {
        return reports.file(ReportDraft.by(Commune.TENANT, Reporter.resident(DemoPeople.AMINA), "test-browser")
                        .category("eclairage")
                        .at(where)
                        .description("Le lampadaire reste éteint."))
                .report();
    }

    private void waitFor(String css) {
        new WebDriverWait(browser.driver, Duration.ofSeconds(20))
                .until(d -> !d.findElements(By.cssSelector(css)).isEmpty());
    }
}
