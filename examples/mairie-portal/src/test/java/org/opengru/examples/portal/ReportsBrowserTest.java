package org.opengru.examples.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.opengru.examples.portal.commune.Commune;
import org.opengru.examples.portal.demo.DemoPeople;
import org.opengru.examples.portal.reports.TestPhotos;
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
        // The map library is served by the portal from its webjar, never by a CDN: every resource is the portal's.
        @SuppressWarnings("unchecked")
        java.util.List<String> loaded = (java.util.List<String>)
                browser.driver.executeScript("return performance.getEntriesByType('resource').map(e => e.name);");
        assertThat(loaded)
                .anyMatch(u -> u.contains("/webjars/leaflet/"))
                .allMatch(u -> u.startsWith("http://localhost:" + port + "/"));
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

    /** A photo chosen at step 1: its position proposed at step 2, the photo joining without being chosen again. */
    @Test
    void aPhotosPositionIsProposedAtStepTwoAndConfirmed() throws Exception {
        Path photo = photoAt(47.9304, 1.9504);
        browser.signInResident();
        browser.open("/signalements/nouveau");
        browser.select(By.id("categorie"), "voirie");
        browser.find(By.id("photo")).sendKeys(photo.toString());
        browser.go(By.xpath("//button[text()='Continuer']"));
        assertThat(browser.page())
                .contains("Étape 2 sur 2")
                .contains("est-ce l’endroit du problème ?")
                .contains("1 photo jointe");
        assertThat(browser.find(By.id("lieu-photo-oui")).isSelected()).isTrue();
        waitForImages();
        browser.axe();
        browser.type(By.id("description"), "Une plaque d'égout soulevée.");
        browser.go(By.xpath("//button[text()='Envoyer le signalement']"));
        assertThat(browser.page()).contains("Votre signalement est envoyé");
        Files.deleteIfExists(photo);
    }

    /**
     * A photo chosen at step 2, taken away from the address given at step 1: nothing is filed, the page comes
     * back (text and photo kept) asking which place to keep; all with the keyboard.
     */
    @Test
    void aPhotoChosenAtStepTwoWithTheKeyboardProposesItsPlaceKeepingTheText() throws Exception {
        Path photo = photoAt(47.8890, 1.8810);
        browser.signInResident();
        browser.open("/signalements/nouveau");
        waitFor(".carte.leaflet-container");
        Keyboard.tabTo(browser.driver, By.id("categorie"), 40);
        Keyboard.type(browser.driver, "Graf");
        Keyboard.tabTo(browser.driver, By.id("adresse"), 5);
        Keyboard.type(browser.driver, FakeAddressBase.RUE_DES_LILAS);
        Keyboard.tabTo(browser.driver, By.xpath("//button[text()='Continuer']"), 30);
        browser.go(() -> Keyboard.type(browser.driver, Keys.ENTER));
        assertThat(browser.page()).contains("Étape 2 sur 2");

        Keyboard.tabTo(browser.driver, By.id("description"), 40);
        Keyboard.type(browser.driver, "Des autocollants sur le panneau.");
        Keyboard.tabTo(browser.driver, By.id("photos"), 5);
        browser.driver.switchTo().activeElement().sendKeys(photo.toString()); // the file chooser
        Keyboard.tabTo(browser.driver, By.xpath("//button[text()='Envoyer le signalement']"), 10);
        browser.go(() -> Keyboard.type(browser.driver, Keys.ENTER));
        assertThat(browser.page())
                .contains("Votre signalement n’est pas encore envoyé")
                .contains("quel endroit retenir ?")
                .contains("1 photo jointe");
        assertThat(browser.find(By.id("description")).getAttribute("value"))
                .isEqualTo("Des autocollants sur le panneau.");
        waitForImages();
        browser.axe();

        Keyboard.tabTo(browser.driver, By.id("lieu-photo-oui"), 40);
        Keyboard.type(browser.driver, Keys.SPACE);
        Keyboard.tabTo(browser.driver, By.xpath("//button[text()='Envoyer le signalement']"), 20);
        browser.go(() -> Keyboard.type(browser.driver, Keys.ENTER));
        assertThat(browser.page()).contains("Votre signalement est envoyé").contains("Quartier sud");
        Files.deleteIfExists(photo);
    }

    /** The agent's page of a report with photos and a duplicate nearby: axe-core, then the merge by keyboard. */
    @Test
    void anAgentSeesAReportsPhotosAndMergesItsDuplicateWithTheKeyboardOnly() {
        Report kept = fileWithPhoto(new GeoPoint(47.9110, 1.8700));
        Report duplicate = fileWithPhoto(new GeoPoint(47.9111, 1.8701));
        browser.signInAgent(DemoPeople.LINH);
        browser.open("/agent/signalements/" + duplicate.id());
        assertThat(browser.page())
                .contains("Doublons possibles")
                .contains(kept.id().toString());
        waitForImages();
        assertThat(browser.find(By.cssSelector("ul.photos img")).getAttribute("naturalWidth"))
                .isNotEqualTo("0");
        browser.axe();

        Keyboard.tabTo(browser.driver, By.cssSelector("input[name='cible'][value='" + kept.id() + "']"), 80);
        Keyboard.type(browser.driver, Keys.SPACE);
        Keyboard.tabTo(browser.driver, By.xpath("//button[text()='Fusionner']"), 10);
        browser.go(() -> Keyboard.type(browser.driver, Keys.ENTER));
        assertThat(browser.page()).contains("Les deux signalements sont fusionnés");
        assertThat(browser.url()).endsWith("/agent/signalements/" + kept.id());
        browser.axe();
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
        browser.axe(); // the list again, with the bulk change's notice
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

    private Report fileWithPhoto(GeoPoint where) {
        return reports.file(ReportDraft.by(Commune.TENANT, Reporter.resident(DemoPeople.AMINA), "test-browser")
                        .category("depot-sauvage")
                        .at(where)
                        .description("Des gravats le long du trottoir.")
                        .photo(TestPhotos.jpegAt(where.lat(), where.lon())))
                .report();
    }

    static Path photoAt(double lat, double lon) throws IOException {
        Path photo = Files.createTempFile("signalement", ".jpg");
        Files.write(photo, TestPhotos.jpegAt(lat, lon));
        return photo;
    }

    private void waitForImages() {
        new WebDriverWait(browser.driver, Duration.ofSeconds(20))
                .until(d -> Boolean.TRUE.equals(browser.driver.executeScript(
                        "return Array.from(document.images).every(i => i.complete && i.naturalWidth > 0);")));
    }

    private void waitFor(String css) {
        new WebDriverWait(browser.driver, Duration.ofSeconds(20))
                .until(d -> !d.findElements(By.cssSelector(css)).isEmpty());
    }
}
