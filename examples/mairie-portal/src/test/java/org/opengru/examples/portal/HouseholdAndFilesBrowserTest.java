package org.opengru.examples.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opengru.examples.portal.commune.Commune;
import org.opengru.examples.portal.demo.ApiParticulierSandbox;
import org.opengru.examples.portal.demo.DemoPeople;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The journeys added to the README's: a resident files her child's canteen registration from her household,
 * with her quotient familial obtained from the CAF through API Particulier instead of the certificate; she
 * and the agent exchange messages with files, through the vault; and when the CAF cannot answer, she reads
 * why and uploads the certificate. Debian's headless Chromium, axe-core on every page.
 */
class HouseholdAndFilesBrowserTest extends RunningPortal {

    static PortalBrowser browser;

    @LocalServerPort
    int port;

    @Autowired
    ApiParticulierSandbox sandbox;

    @BeforeAll
    static void startBrowser() throws Exception {
        browser = PortalBrowser.start();
    }

    @BeforeEach
    void onThisPortal() {
        browser.on(port);
        browser.driver.manage().deleteAllCookies();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aParentFilesForHerChildWithHerQuotientFamilialAndExchangesFilesWithTheAgent() throws Exception {
        Path proofOfAddress = Files.write(DATA.resolve("quittance-loyer.pdf"), TestPdf.proofOfAddress());
        Path certificate = Files.write(DATA.resolve("certificat-medical.pdf"), TestPdf.proofOfAddress());
        Path renamedProgram = Files.write(DATA.resolve("ordonnance.pdf"), TestPdf.windowsExecutable());

        // --- Her household, in her space: she may file for her child, not for her partner ----------------
        browser.signInResident();
        assertThat(browser.page())
                .contains("Foyer Martin")
                .contains("Léo Martin")
                .contains("enfant")
                .contains("Thomas Martin")
                .contains("conjoint ou partenaire")
                .contains("Fait ses démarches depuis son propre espace");
        browser.axe();
        browser.go(By.linkText("Faire une démarche pour Léo Martin"));
        assertThat(browser.h1()).isEqualTo("Les démarches en ligne pour Léo Martin");
        browser.axe();
        browser.go(By.xpath("//a[@aria-label='Commencer : Inscription à la cantine scolaire']"));
        assertThat(browser.page()).contains("Vous faites cette démarche pour Léo Martin");
        assertThat(browser.find(By.id("champ_nomEnfant")).getAttribute("value")).isEqualTo("Léo Martin");
        browser.axe();

        // --- The quotient familial from the CAF, with her consent ----------------------------------------
        browser.select(By.id("champ_ecole"), "ecole-des-tilleuls");
        browser.click(By.id("champ_tarifReduit_oui"));
        assertThat(browser.page())
                .contains("Ce qui est demandé : votre quotient familial")
                .contains("Auprès de qui : la CAF ou la MSA")
                .contains("Pour quoi : calculer le tarif de la cantine");
        browser.go(By.xpath("//button[text()='Récupérer mon quotient familial']"));
        assertThat(browser.page()).contains("cochez la case d'accord"); // nothing asked without it
        browser.click(By.id("accord_qf"));
        browser.go(By.xpath("//button[text()='Récupérer mon quotient familial']"));
        assertThat(browser.page())
                .contains("Votre quotient familial a été obtenu auprès de la CAF")
                .contains("Quotient familial : " + ApiParticulierSandbox.MARTIN_QUOTIENT)
                .contains("Donnée obtenue auprès de la CAF via API Particulier le");
        assertThat(browser.find(By.id("champ_quotientFamilial")).getAttribute("value"))
                .isEqualTo(String.valueOf(ApiParticulierSandbox.MARTIN_QUOTIENT));
        assertThat(browser.find(By.id("champ_quotientFamilial")).getAttribute("readonly"))
                .isNotNull();
        assertThat(browser.driver.findElements(By.id("piece_attestation-caf")))
                .as("no certificate to upload")
                .isEmpty();
        assertThat(browser.find(By.id("champ_nomEnfant")).getAttribute("value")).isEqualTo("Léo Martin");
        browser.axe();
        browser.find(By.id("piece_justificatif-domicile")).sendKeys(proofOfAddress.toString());
        browser.go(By.xpath("//button[text()='Envoyer ma demande']"));
        assertThat(browser.page())
                .contains("Votre demande est envoyée")
                .contains("Demande faite pour Léo Martin")
                .contains("Quotient familial : " + ApiParticulierSandbox.MARTIN_QUOTIENT)
                .contains("Donnée obtenue auprès de la CAF via API Particulier le")
                .contains("quittance-loyer.pdf");
        String requestUrl = browser.url().replace("?envoyee", "");
        String reference = browser.find(By.cssSelector("h1 span")).getText();
        browser.axe();

        // --- She writes to the agent with a file; a renamed program is refused --------------------------
        browser.type(By.id("message"), "Voici le certificat médical pour le régime sans allergènes.");
        browser.find(By.id("message-fichier")).sendKeys(certificate.toString());
        browser.go(By.xpath("//button[text()='Envoyer le message']"));
        assertThat(browser.page())
                .contains("Votre message et son fichier ont été envoyés")
                .contains("certificat-medical.pdf");
        browser.axe();
        HttpResponse<byte[]> mine = browser.getBytes(
                browser.find(By.linkText("certificat-medical.pdf")).getAttribute("href"));
        assertThat(mine.statusCode()).isEqualTo(200);
        assertThat(mine.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment");
        assertThat(new String(mine.body(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");

        browser.type(By.id("message"), "Et l'ordonnance.");
        browser.find(By.id("message-fichier")).sendKeys(renamedProgram.toString());
        browser.go(By.xpath("//button[text()='Envoyer le message']"));
        assertThat(browser.page())
                .contains("Votre message n'a pas été envoyé")
                .contains("ce type de fichier n'est pas accepté")
                .doesNotContain("ordonnance.pdf");
        assertThat(browser.find(By.id("message")).getAttribute("value")).isEqualTo("Et l'ordonnance.");
        browser.axe();
        browser.signOut();

        // --- The agent sees the data obtained from the CAF, downloads her file, answers with one ---------
        browser.signInAgent(DemoPeople.MARC);
        assertThat(browser.page()).contains(reference).contains("pour Léo Martin");
        browser.go(By.linkText(reference));
        assertThat(browser.page())
                .contains("Demande faite pour")
                .contains("Léo Martin")
                .contains("Quotient familial : " + ApiParticulierSandbox.MARTIN_QUOTIENT)
                .contains("Donnée obtenue auprès de la CAF via API Particulier le")
                .contains("quittance-loyer.pdf")
                .contains("certificat-medical.pdf");
        browser.axe();
        HttpResponse<byte[]> hers = browser.getBytes(
                browser.find(By.linkText("certificat-medical.pdf")).getAttribute("href"));
        assertThat(hers.statusCode()).isEqualTo(200);
        assertThat(hers.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment")
                .contains("certificat-medical.pdf");
        assertThat(hers.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        browser.go(By.xpath("//button[text()='Prendre en charge']"));
        browser.click(By.id("manque_justificatif-domicile"));
        browser.type(By.id("motif-complement"), "Le justificatif de domicile doit être à votre nom.");
        browser.go(By.xpath("//button[text()='Demander les compléments']"));
        assertThat(browser.page()).contains("En attente de compléments");
        Path form = Files.write(DATA.resolve("formulaire-allergies.pdf"), TestPdf.proofOfAddress());
        browser.type(By.id("message"), "Voici le formulaire à faire remplir par le médecin.");
        browser.find(By.id("message-fichier")).sendKeys(form.toString());
        browser.go(By.xpath("//button[text()='Enregistrer']"));
        assertThat(browser.page())
                .contains("Message et fichier envoyés à l'usager")
                .contains("formulaire-allergies.pdf");
        browser.axe();
        browser.signOut();

        // --- She gets the mairie's file and answers the complement with a file --------------------------
        browser.signInResident();
        browser.driver.get(requestUrl);
        assertThat(browser.page())
                .contains("La mairie vous demande des compléments")
                .contains("formulaire-allergies.pdf");
        HttpResponse<byte[]> theirs = browser.getBytes(
                browser.find(By.linkText("formulaire-allergies.pdf")).getAttribute("href"));
        assertThat(theirs.statusCode()).isEqualTo(200);
        assertThat(theirs.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment");
        browser.axe();
        browser.find(By.id("piece_justificatif-domicile")).sendKeys(proofOfAddress.toString());
        browser.type(By.id("complement-message"), "Le formulaire rempli par le médecin est joint.");
        browser.find(By.id("complement-fichier")).sendKeys(form.toString());
        browser.go(By.xpath("//button[text()='Envoyer les compléments']"));
        assertThat(browser.page()).contains("Vos compléments ont été envoyés").contains("Compléments envoyés");
        browser.axe();
        browser.signOut();

        browser.signInAgent(DemoPeople.MARC);
        browser.go(By.linkText(reference));
        assertThat(browser.page()).contains("Le formulaire rempli par le médecin est joint.");
        assertThat(browser.driver.findElements(By.linkText("formulaire-allergies.pdf")))
                .as("the mairie's file and the resident's answer")
                .hasSize(2);
        browser.signOut();
    }

    @Test
    void whenTheCafDoesNotKnowHerSheReadsWhyAndUploadsTheCertificate() throws Exception {
        Path proofOfAddress = Files.write(DATA.resolve("facture-eau.pdf"), TestPdf.proofOfAddress());
        Path certificate = Files.write(DATA.resolve("attestation-qf.pdf"), TestPdf.proofOfAddress());
        browser.signInResident();
        browser.open("/demarches/" + Commune.CANTINE);
        browser.select(By.id("champ_ecole"), "ecole-jules-ferry");
        browser.click(By.id("champ_tarifReduit_oui"));
        // Enter in a field sends the form itself, not the request for the quotient familial.
        WebElement name = browser.find(By.id("champ_nomEnfant"));
        name.sendKeys("Léo Martin");
        browser.go(() -> name.sendKeys(Keys.ENTER));
        assertThat(browser.page())
                .contains("Votre demande n'est pas encore envoyée")
                .doesNotContain("Pour que la mairie obtienne votre quotient familial");
        browser.click(By.id("accord_qf"));
        sandbox.simulate(ApiParticulierSandbox.Behaviour.PERSON_UNKNOWN);
        try {
            browser.go(By.xpath("//button[text()='Récupérer mon quotient familial']"));
        } finally {
            sandbox.simulate(ApiParticulierSandbox.Behaviour.NORMAL);
        }
        assertThat(browser.page())
                .contains("Votre demande n'est pas encore envoyée")
                .contains("La CAF et la MSA n'ont pas trouvé de dossier allocataire à votre nom")
                .contains("Vous pouvez joindre votre attestation de quotient familial ci-dessous");
        assertThat(browser.find(By.id("champ_nomEnfant")).getAttribute("value")).isEqualTo("Léo Martin");
        browser.axe();

        browser.type(By.id("champ_quotientFamilial"), "612");
        browser.find(By.id("piece_attestation-caf")).sendKeys(certificate.toString());
        browser.find(By.id("piece_justificatif-domicile")).sendKeys(proofOfAddress.toString());
        browser.go(By.xpath("//button[text()='Envoyer ma demande']"));
        assertThat(browser.page())
                .contains("Votre demande est envoyée")
                .contains("attestation-qf.pdf")
                .doesNotContain("API Particulier");
        browser.axe();
        browser.signOut();
    }
}
