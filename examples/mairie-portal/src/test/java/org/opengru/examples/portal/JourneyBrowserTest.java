package org.opengru.examples.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opengru.examples.portal.commune.Commune;
import org.opengru.examples.portal.demo.DemoPeople;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The README's promise, end to end in Debian's headless Chromium: a resident signs in with FranceConnect
 * and agents with ProConnect (the demo's local provider, through the starter's relying parties and Spring
 * Security; every form carries its CSRF token), she stores a document, files a démarche
 * reusing it with consent, follows it, books, reschedules and cancels an appointment; an agent takes the
 * request, asks for a complement, writes an internal note, keys in a phone request and marks the day's
 * appointments; the resident answers the complement and the agent accepts. axe-core (WCAG 2.1 A/AA) runs
 * on every page visited; any violation fails.
 */
class JourneyBrowserTest extends RunningPortal {

    static PortalBrowser browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() throws Exception {
        browser = PortalBrowser.start();
    }

    @BeforeEach
    void onThisPortal() {
        browser.on(port);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void residentAndAgentJourneys() throws Exception {
        // --- The resident signs in with FranceConnect ---------------------------------------------
        browser.signInResident();
        assertThat(browser.url()).endsWith("/mon-espace");
        assertThat(browser.h1()).isEqualTo("Mon espace");
        assertThat(browser.page())
                .contains("Martin")
                .contains("certifiée par FranceConnect")
                .contains("Foyer Martin");
        browser.axe();

        // She stores a proof of address in her space.
        Path pdf = Files.write(DATA.resolve("facture-electricite.pdf"), TestPdf.proofOfAddress());
        browser.select(By.id("type"), "justificatif-domicile");
        browser.find(By.id("fichier")).sendKeys(pdf.toString());
        browser.go(By.xpath("//button[text()='Enregistrer le document']"));
        assertThat(browser.page()).contains("Votre document a été enregistré").contains("facture-electricite.pdf");
        browser.axe();

        // She files the canteen registration, reusing the stored document with her consent.
        browser.open("/demarches");
        browser.axe();
        browser.open("/demarches/" + Commune.CANTINE);
        browser.axe();
        browser.find(By.id("champ_nomEnfant")).sendKeys("Léo Martin");
        browser.select(By.id("champ_ecole"), "ecole-jules-ferry");
        browser.click(By.id("champ_tarifReduit_non"));
        assertThat(browser.find(By.id("reutiliser_justificatif-domicile")).isSelected())
                .isTrue();
        browser.go(By.xpath("//button[text()='Envoyer ma demande']"));
        // Without the consent, nothing is sent and the form says why.
        assertThat(browser.page()).contains("cochez la case d'accord");
        browser.axe();
        browser.find(By.id("champ_nomEnfant")).clear();
        browser.find(By.id("champ_nomEnfant")).sendKeys("Léo Martin");
        browser.select(By.id("champ_ecole"), "ecole-jules-ferry");
        browser.click(By.id("champ_tarifReduit_non"));
        browser.click(By.id("consentement"));
        browser.go(By.xpath("//button[text()='Envoyer ma demande']"));
        assertThat(browser.page()).contains("Votre demande est envoyée").contains("Reçue");
        String requestUrl = browser.url().replace("?envoyee", "");
        String reference = browser.find(By.cssSelector("h1 span")).getText();
        browser.axe();

        // The acknowledgment of receipt carries the reference.
        HttpResponse<String> ack = browser.get(requestUrl + "/accuse-reception");
        assertThat(ack.statusCode()).isEqualTo(200);
        assertThat(ack.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("attachment");
        assertThat(ack.body()).contains(reference);

        // She writes to the agent.
        browser.find(By.id("message")).sendKeys("Léo mange sans porc, merci.");
        browser.go(By.xpath("//button[text()='Envoyer le message']"));
        assertThat(browser.page()).contains("Votre message a été envoyé").contains("Léo mange sans porc");

        // --- She books a civil-status appointment, reschedules it, then cancels it -----------------
        browser.open("/rendez-vous");
        browser.axe();
        browser.click(By.id("motif_hotel-de-ville_etat-civil"));
        browser.go(By.xpath("//button[text()='Voir les créneaux libres']"));
        browser.axe();
        List<WebElement> slots = browser.driver.findElements(By.name("creneau"));
        assertThat(slots).hasSizeGreaterThan(2);
        Instant first = Instant.parse(slots.get(0).getAttribute("value"));
        slots.get(0).click();
        browser.go(By.xpath("//button[text()='Confirmer le rendez-vous']"));
        assertThat(browser.page()).contains("Votre rendez-vous est confirmé").contains("Guichet 3");
        String appointmentUrl = browser.url();
        browser.axe();
        HttpResponse<String> ics = browser.get(appointmentUrl + "/calendrier.ics");
        assertThat(ics.body())
                .contains("BEGIN:VCALENDAR")
                .contains("STATUS:CONFIRMED")
                .contains("BEGIN:VTIMEZONE")
                .doesNotContain("METHOD:"); // a file to import, not an invitation to answer

        browser.go(By.linkText("Déplacer ce rendez-vous"));
        slots = browser.driver.findElements(By.name("creneau"));
        slots.get(1).click();
        browser.go(By.xpath("//button[text()='Déplacer le rendez-vous']"));
        assertThat(browser.page()).contains("Votre rendez-vous a été déplacé");
        browser.go(By.xpath("//button[text()='Annuler ce rendez-vous']"));
        browser.go(By.xpath("//button[text()='Oui, annuler ce rendez-vous']"));
        assertThat(browser.page()).contains("Votre rendez-vous est annulé").contains("Annulé par vous");

        // And books again, to be received at the desk.
        browser.open("/rendez-vous");
        browser.click(By.id("motif_hotel-de-ville_etat-civil"));
        browser.go(By.xpath("//button[text()='Voir les créneaux libres']"));
        browser.driver.findElements(By.name("creneau")).get(0).click();
        browser.go(By.xpath("//button[text()='Confirmer le rendez-vous']"));
        assertThat(browser.page()).contains("Votre rendez-vous est confirmé");
        browser.signOut();
        assertThat(browser.url()).contains("deconnecte");

        // --- An agent of the childhood team processes the request ---------------------------------
        browser.driver.manage().deleteAllCookies();
        browser.signInAgent(DemoPeople.MARC);
        assertThat(browser.h1()).isEqualTo("Demandes à traiter");
        assertThat(browser.page()).contains(reference).contains("Claire Marie Martin");
        browser.axe();
        // The queue's other states: filtered and sorted, the closed requests.
        browser.open("/agent?agent=personne&tri=anciennete&echeance=31j");
        browser.axe();
        browser.open("/agent?vue=closes");
        assertThat(browser.h1()).isEqualTo("Demandes closes");
        browser.axe();
        browser.open("/agent");
        browser.go(By.linkText(reference));
        assertThat(browser.page()).contains("Foyer Martin").contains("Léo mange sans porc");
        browser.axe();
        browser.go(By.xpath("//button[text()='Prendre en charge']"));
        assertThat(browser.page()).contains("En cours d'instruction");
        browser.click(By.id("manque_justificatif-domicile"));
        browser.find(By.id("motif-complement"))
                .sendKeys("Le justificatif est illisible : merci d'en envoyer un autre.");
        browser.go(By.xpath("//button[text()='Demander les compléments']"));
        assertThat(browser.page()).contains("En attente de compléments");
        browser.find(By.id("message")).sendKeys("Famille connue du service, dossier prioritaire.");
        browser.click(By.id("vis-note"));
        browser.go(By.xpath("//button[text()='Enregistrer']"));
        assertThat(browser.page()).contains("Note interne enregistrée");
        browser.axe();

        // Another agent keys in a request received by phone, and receives Claire at the desk.
        browser.signOut();
        browser.signInAgent(DemoPeople.ACCUEIL);
        browser.open("/agent/saisie?demarche=" + Commune.ACTE_ETAT_CIVIL);
        browser.axe();
        new org.openqa.selenium.support.ui.Select(browser.find(By.id("usager"))).selectByVisibleText("Paul Durand");
        browser.select(By.id("champ_typeActe"), "deces");
        browser.find(By.id("champ_nomPersonne")).sendKeys("Jean Durand");
        browser.find(By.id("champ_dateEvenement")).sendKeys("01022024");
        browser.go(By.xpath("//button[text()='Enregistrer la demande']"));
        assertThat(browser.page())
                .contains("enregistrée pour le compte de l'usager")
                .contains("par téléphone")
                .contains("Sophie Lambert");

        browser.open("/agent/rendez-vous?site=hotel-de-ville&jour=" + LocalDate.ofInstant(first, Commune.ZONE));
        assertThat(browser.page()).contains("Guichet 3").contains("Claire Marie Martin");
        browser.axe();
        // Presence is marked once the appointment has started: tomorrow's is refused and stays confirmed.
        browser.go(By.xpath("//button[starts-with(@aria-label, 'Venu : Claire')]"));
        assertThat(browser.page())
                .contains("La présence n'a pas été enregistrée")
                .contains("Confirmé")
                .doesNotContain("Honoré");

        // --- The resident answers the complement; the agent accepts ---------------------------------
        browser.signOut();
        browser.signInResident();
        browser.driver.get(requestUrl);
        assertThat(browser.page())
                .contains("La mairie vous demande des compléments")
                .contains("illisible");
        browser.axe();
        browser.find(By.id("piece_justificatif-domicile")).sendKeys(pdf.toString());
        browser.find(By.id("complement-message")).sendKeys("Voici un justificatif lisible.");
        browser.go(By.xpath("//button[text()='Envoyer les compléments']"));
        assertThat(browser.page()).contains("Vos compléments ont été envoyés").contains("Compléments envoyés");
        // A page that does not exist, signed in.
        browser.open("/page-inexistante");
        assertThat(browser.h1()).isEqualTo("Page introuvable");
        browser.axe();
        browser.open("/mon-espace");
        browser.signOut();

        browser.signInAgent(DemoPeople.MARC);
        browser.go(By.linkText(reference));
        if (!browser.driver
                .findElements(By.xpath("//button[text()='Prendre en charge']"))
                .isEmpty()) {
            browser.go(By.xpath("//button[text()='Prendre en charge']"));
        }
        browser.go(By.xpath("//button[text()='Accepter']"));
        browser.go(By.xpath("//button[text()='Oui, accepter la demande']"));
        assertThat(browser.page()).contains("Acceptée");
        browser.axe();

        assertThat(browser.checkedPages()).hasSizeGreaterThan(15);
    }
}
