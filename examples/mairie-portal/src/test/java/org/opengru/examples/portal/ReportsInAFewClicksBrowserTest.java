package org.opengru.examples.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opengru.core.principal.Principal;
import org.opengru.examples.portal.commune.Commune;
import org.opengru.examples.portal.demo.DemoMailServer;
import org.opengru.examples.portal.demo.DemoPeople;
import org.opengru.reports.GeoPoint;
import org.opengru.reports.Report;
import org.opengru.reports.ReportId;
import org.opengru.reports.ReportService;
import org.opengru.reports.ReportStatus;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The promise of the founding documents, walked: a resident without an account, on a phone's width (320 px)
 * and with the keyboard only, reports a dépôt sauvage "en quelques clics" — from the home page to the report
 * filed with a photo, its place taken from the photo's EXIF position — then follows the verification link
 * and lands on the report's follow-up page. Every page is checked by axe-core and for reflow; the walk counts
 * the pages loaded and the activations (a link or button pressed, a file chosen; typing is not counted) and
 * holds them to a budget, written in docs/signalements.md.
 */
class ReportsInAFewClicksBrowserTest extends OneBrowserPerClass {

    /** Home link, file chosen, "Continuer", "Envoyer le signalement". */
    static final int ACTIVATIONS_TO_SEND = 4;

    /** Then the e-mail's link and "Confirmer". */
    static final int ACTIVATIONS_TO_FOLLOW_UP = 6;

    /** Home, step 1, step 2, "confirmez", the link's page, the follow-up page. */
    static final int PAGES_TO_FOLLOW_UP = 6;

    private static final String EMAIL = "vigie.du.quartier@exemple.fr";

    @Autowired
    ReportService reports;

    @Autowired
    DemoMailServer mail;

    private int activations;
    private final List<String> pages = new ArrayList<>();

    @Test
    void anAnonymousResidentReportsADumpWithAPhotoFromTheHomePageOnAPhoneWithTheKeyboardOnly() throws Exception {
        GeoPoint where = new GeoPoint(47.9185, 1.9420);
        Path photo = ReportsBrowserTest.photoAt(where.lat(), where.lon());
        NarrowScreen.set(browser.driver, NarrowScreen.WIDTH);

        browser.open("/");
        loaded();
        Keyboard.tabTo(browser.driver, By.xpath("//nav//a[text()='Signaler un problème']"), 40);
        press(Keys.ENTER);
        assertThat(browser.h1()).isEqualTo("Signaler un problème");

        Keyboard.tabTo(browser.driver, By.id("categorie"), 40);
        Keyboard.type(browser.driver, "D"); // typed: "Dépôt sauvage de déchets"
        Keyboard.tabTo(browser.driver, By.id("photo"), 10);
        browser.driver.switchTo().activeElement().sendKeys(photo.toString()); // the file chooser: one activation
        activations++;
        Keyboard.tabTo(browser.driver, By.xpath("//button[text()='Continuer']"), 30);
        press(Keys.ENTER);
        assertThat(browser.page())
                .contains("Étape 2 sur 2")
                .contains("Dépôt sauvage de déchets")
                .contains("est-ce l’endroit du problème ?")
                .contains("1 photo jointe");
        assertThat(browser.find(By.id("lieu-photo-oui")).isSelected()).isTrue();

        Keyboard.tabTo(browser.driver, By.id("description"), 40);
        Keyboard.type(browser.driver, "Un tas de sacs poubelle et un vieux fauteuil devant l'abribus.");
        Keyboard.tabTo(browser.driver, By.id("email"), 20);
        Keyboard.type(browser.driver, EMAIL);
        Keyboard.tabTo(browser.driver, By.xpath("//button[text()='Envoyer le signalement']"), 5);
        press(Keys.ENTER);
        assertThat(browser.h1()).isEqualTo("Confirmez votre signalement");
        assertThat(activations).as("activations to send the report").isLessThanOrEqualTo(ACTIVATIONS_TO_SEND);

        // The e-mail's link (an activation in the mail client), then the button that confirms.
        browser.open("/signalements/confirmation?jeton=" + ReportsJourneyTest.verificationToken(mail, EMAIL));
        activations++;
        loaded();
        Keyboard.tabTo(browser.driver, By.xpath("//button[text()='Confirmer']"), 40);
        press(Keys.ENTER);
        assertThat(browser.page())
                .contains("Votre adresse électronique est confirmée")
                .contains("Signalement : Dépôt sauvage de déchets")
                .contains("reçu");

        assertThat(activations).as("activations, home page to follow-up").isLessThanOrEqualTo(ACTIVATIONS_TO_FOLLOW_UP);
        assertThat(pages).as("pages loaded: %s", pages).hasSizeLessThanOrEqualTo(PAGES_TO_FOLLOW_UP);

        // Filed where the photo was taken, with the photo, routed to the team of the dépôts sauvages.
        String path = browser.url().substring(browser.url().indexOf("/signalements/"));
        Report report = reports.report(
                Principal.agent(Commune.TENANT, DemoPeople.LINH, Set.of(Commune.PROPRETE)),
                ReportId.parse(path.substring("/signalements/".length())));
        assertThat(report.status()).isEqualTo(ReportStatus.RECEIVED);
        assertThat(report.location().distanceMetres(where)).isLessThan(1);
        assertThat(report.photos()).hasSize(1);
        Files.deleteIfExists(photo);
    }

    /** An activation that loads the next page. */
    private void press(CharSequence key) {
        browser.go(() -> Keyboard.type(browser.driver, key));
        activations++;
        loaded();
    }

    /** A page loaded: accessible (WCAG 2.1 AA) and readable at 320 px without scrolling sideways. */
    private void loaded() {
        pages.add(browser.url());
        browser.axe();
        assertThat(NarrowScreen.overflow(browser.driver)).as(browser.url()).isNull();
    }
}
