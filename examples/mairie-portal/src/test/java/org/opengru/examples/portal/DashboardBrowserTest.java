package org.opengru.examples.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opengru.core.GruCore;
import org.opengru.core.id.UsagerId;
import org.opengru.core.intake.Channel;
import org.opengru.core.satisfaction.SatisfactionStore;
import org.opengru.core.satisfaction.SurveyInvitation;
import org.opengru.core.satisfaction.SurveyOccasion;
import org.opengru.core.satisfaction.SurveyResponse;
import org.opengru.examples.portal.commune.Commune;
import org.opengru.examples.portal.demo.DemoPeople;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The team lead's dashboard, walked with the keyboard only: its charts are SVG drawn by the server and
 * hidden from assistive technologies, each followed by a table of the same figures; axe-core finds no
 * violation, at full width and at 320 px, where the page does not scroll sideways.
 */
class DashboardBrowserTest extends OneBrowserPerClass {

    @Autowired
    GruCore core;

    @Autowired
    SatisfactionStore surveys;

    @Test
    void theTeamLeadReadsTheFiguresOfTheirTeamsAsChartsAndTables() {
        DeskFixtures.passportRequest(core);
        answer(5);
        answer(3);

        browser.signInAgent(DemoPeople.JEANNE);
        Keyboard.tabTo(browser.driver, By.linkText("Tableau de bord"), 40);
        browser.go(() -> Keyboard.type(browser.driver, Keys.ENTER));
        assertThat(browser.h1()).isEqualTo("Tableau de bord de vos équipes");
        assertThat(browser.page())
                .contains("demandes reçues")
                .contains("Délai médian de traitement")
                .contains("Passeport ou carte d'identité : dépôt du dossier")
                // Jeanne is in the civil-status team: the canteen (childhood team) is not hers.
                .doesNotContain("Inscription à la cantine scolaire");
        // Each chart is hidden from screen readers and followed by its table.
        for (WebElement figure : browser.driver.findElements(By.cssSelector("figure.chart-figure"))) {
            assertThat(figure.findElement(By.tagName("svg")).getAttribute("aria-hidden"))
                    .isEqualTo("true");
            WebElement table = figure.findElement(By.xpath("following-sibling::div[1]//table"));
            assertThat(table.findElement(By.tagName("caption")).getText()).isNotBlank();
        }
        assertThat(browser.driver.findElements(By.cssSelector("figure.chart-figure svg rect")))
                .isNotEmpty();
        WebElement satisfaction = browser.find(By.xpath("//table[caption=\"Réponses à l'enquête de satisfaction\"]"));
        assertThat(satisfaction.getText()).contains("Passeport").contains("4,0");
        browser.axe();

        // Another period, with the keyboard: the select, then its button.
        Keyboard.tabTo(browser.driver, By.id("semaines"), 40);
        Keyboard.type(browser.driver, "4");
        Keyboard.tabTo(browser.driver, By.xpath("//button[text()='Afficher']"), 3);
        browser.go(() -> Keyboard.type(browser.driver, Keys.ENTER));
        assertThat(browser.url()).contains("semaines=4");
        assertThat(browser.page()).contains("Les chiffres des 4 dernières semaines");

        NarrowScreen.set(browser.driver, NarrowScreen.WIDTH);
        browser.open("/agent/tableau-de-bord");
        assertThat(NarrowScreen.overflow(browser.driver)).isNull();
        browser.axe();
        NarrowScreen.reset(browser.driver);
    }

    @Test
    void aResidentHasNoDashboard() {
        browser.signInResident();
        browser.open("/agent/tableau-de-bord");
        assertThat(browser.page()).doesNotContain("Tableau de bord de vos équipes");
    }

    private void answer(int score) {
        Instant at = Instant.now();
        SurveyInvitation i = new SurveyInvitation(
                UUID.randomUUID(),
                Commune.TENANT,
                UsagerId.of(UUID.randomUUID()),
                SurveyOccasion.REQUEST_DECIDED,
                UUID.randomUUID().toString(),
                Commune.PASSEPORT,
                Channel.WEB,
                at,
                at.plus(Duration.ofDays(30)));
        surveys.invite(i);
        surveys.answer(
                new SurveyResponse(i.id(), i.tenant(), i.occasion(), i.procedureCode(), Channel.WEB, score, null, at));
    }
}
