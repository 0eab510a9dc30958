package org.opengru.examples.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opengru.core.id.AgentId;
import org.opengru.examples.portal.commune.Commune;
import org.opengru.examples.portal.demo.DemoPeople;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

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

    static ChromeDriver browser;

    @LocalServerPort
    int port;

    private final List<String> checkedPages = new ArrayList<>();

    @BeforeAll
    static void startBrowser() throws Exception {
        browser = AccessibilityBrowserTest.chromium();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void residentAndAgentJourneys() throws Exception {
        // --- The resident signs in with FranceConnect ---------------------------------------------
        signInResident();
        assertThat(browser.getCurrentUrl()).endsWith("/mon-espace");
        assertThat(h1()).isEqualTo("Mon espace");
        assertThat(page())
                .contains("Martin")
                .contains("certifiée par FranceConnect")
                .contains("Foyer Martin");
        axe();

        // She stores a proof of address in her space.
        Path pdf = Files.write(DATA.resolve("facture-electricite.pdf"), TestPdf.proofOfAddress());
        new Select(browser.findElement(By.id("type"))).selectByValue("justificatif-domicile");
        browser.findElement(By.id("fichier")).sendKeys(pdf.toString());
        go(By.xpath("//button[text()='Enregistrer le document']"));
        assertThat(page()).contains("Votre document a été enregistré").contains("facture-electricite.pdf");
        axe();

        // She files the canteen registration, reusing the stored document with her consent.
        open("/demarches");
        axe();
        open("/demarches/" + Commune.CANTINE);
        axe();
        browser.findElement(By.id("champ_nomEnfant")).sendKeys("Léo Martin");
        new Select(browser.findElement(By.id("champ_ecole"))).selectByValue("ecole-jules-ferry");
        click(By.id("champ_tarifReduit_non"));
        assertThat(browser.findElement(By.id("reutiliser_justificatif-domicile"))
                        .isSelected())
                .isTrue();
        go(By.xpath("//button[text()='Envoyer ma demande']"));
        // Without the consent, nothing is sent and the form says why.
        assertThat(page()).contains("cochez la case d'accord");
        axe();
        browser.findElement(By.id("champ_nomEnfant")).clear();
        browser.findElement(By.id("champ_nomEnfant")).sendKeys("Léo Martin");
        new Select(browser.findElement(By.id("champ_ecole"))).selectByValue("ecole-jules-ferry");
        click(By.id("champ_tarifReduit_non"));
        click(By.id("consentement"));
        go(By.xpath("//button[text()='Envoyer ma demande']"));
        assertThat(page()).contains("Votre demande est envoyée").contains("Reçue");
        String requestUrl = browser.getCurrentUrl().replace("?envoyee", "");
        String reference = browser.findElement(By.cssSelector("h1 span")).getText();
        axe();

        // The acknowledgment of receipt carries the reference.
        HttpResponse<String> ack = get(requestUrl + "/accuse-reception");
        assertThat(ack.statusCode()).isEqualTo(200);
        assertThat(ack.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("attachment");
        assertThat(ack.body()).contains(reference);

        // She writes to the agent.
        browser.findElement(By.id("message")).sendKeys("Léo mange sans porc, merci.");
        go(By.xpath("//button[text()='Envoyer le message']"));
        assertThat(page()).contains("Votre message a été envoyé").contains("Léo mange sans porc");

        // --- She books a civil-status appointment, reschedules it, then cancels it -----------------
        open("/rendez-vous");
        axe();
        click(By.id("motif_hotel-de-ville_etat-civil"));
        go(By.xpath("//button[text()='Voir les créneaux libres']"));
        axe();
        List<WebElement> slots = browser.findElements(By.name("creneau"));
        assertThat(slots).hasSizeGreaterThan(2);
        Instant first = Instant.parse(slots.get(0).getAttribute("value"));
        slots.get(0).click();
        go(By.xpath("//button[text()='Confirmer le rendez-vous']"));
        assertThat(page()).contains("Votre rendez-vous est confirmé").contains("Guichet 3");
        String appointmentUrl = browser.getCurrentUrl();
        axe();
        HttpResponse<String> ics = get(appointmentUrl + "/calendrier.ics");
        assertThat(ics.body())
                .contains("BEGIN:VCALENDAR")
                .contains("METHOD:REQUEST")
                .contains("BEGIN:VTIMEZONE");

        go(By.linkText("Déplacer ce rendez-vous"));
        slots = browser.findElements(By.name("creneau"));
        slots.get(1).click();
        go(By.xpath("//button[text()='Déplacer le rendez-vous']"));
        assertThat(page()).contains("Votre rendez-vous a été déplacé");
        go(By.xpath("//button[text()='Annuler ce rendez-vous']"));
        assertThat(page()).contains("Votre rendez-vous est annulé").contains("Annulé par vous");

        // And books again, to be received at the desk.
        open("/rendez-vous");
        click(By.id("motif_hotel-de-ville_etat-civil"));
        go(By.xpath("//button[text()='Voir les créneaux libres']"));
        browser.findElements(By.name("creneau")).get(0).click();
        go(By.xpath("//button[text()='Confirmer le rendez-vous']"));
        assertThat(page()).contains("Votre rendez-vous est confirmé");
        go(By.xpath("//button[text()='Se déconnecter']"), "deconnecte");
        assertThat(browser.getCurrentUrl()).contains("deconnecte");

        // --- An agent of the childhood team processes the request ---------------------------------
        signInAgent(DemoPeople.MARC);
        assertThat(h1()).isEqualTo("Demandes à traiter");
        assertThat(page()).contains(reference).contains("Claire Marie Martin");
        axe();
        go(By.linkText(reference));
        assertThat(page()).contains("Foyer Martin").contains("Léo mange sans porc");
        axe();
        go(By.xpath("//button[text()='Prendre en charge']"));
        assertThat(page()).contains("En cours d'instruction");
        click(By.id("manque_justificatif-domicile"));
        browser.findElement(By.id("motif-complement"))
                .sendKeys("Le justificatif est illisible : merci d'en envoyer un autre.");
        go(By.xpath("//button[text()='Demander les compléments']"));
        assertThat(page()).contains("En attente de compléments");
        browser.findElement(By.id("message")).sendKeys("Famille connue du service, dossier prioritaire.");
        click(By.id("vis-note"));
        go(By.xpath("//button[text()='Enregistrer']"));
        assertThat(page()).contains("Note interne enregistrée");
        axe();

        // Another agent keys in a request received by phone, and receives Claire at the desk.
        go(By.xpath("//button[text()='Se déconnecter']"), "deconnecte");
        signInAgent(DemoPeople.ACCUEIL);
        open("/agent/saisie?demarche=" + Commune.ACTE_ETAT_CIVIL);
        axe();
        new Select(browser.findElement(By.id("usager"))).selectByVisibleText("Paul Durand");
        new Select(browser.findElement(By.id("champ_typeActe"))).selectByValue("deces");
        browser.findElement(By.id("champ_nomPersonne")).sendKeys("Jean Durand");
        browser.findElement(By.id("champ_dateEvenement")).sendKeys("01022024");
        go(By.xpath("//button[text()='Enregistrer la demande']"));
        assertThat(page())
                .contains("enregistrée pour le compte de l'usager")
                .contains("PHONE")
                .contains("sophie.accueil");

        open("/agent/rendez-vous?site=hotel-de-ville&jour=" + LocalDate.ofInstant(first, Commune.ZONE));
        assertThat(page()).contains("Guichet 3").contains("Claire Marie Martin");
        axe();
        go(By.xpath("//button[starts-with(@aria-label, 'Venu : Claire')]"));
        assertThat(page()).contains("Présence enregistrée").contains("Honoré");

        // --- The resident answers the complement; the agent accepts ---------------------------------
        go(By.xpath("//button[text()='Se déconnecter']"), "deconnecte");
        signInResident();
        browser.get(requestUrl);
        assertThat(page()).contains("La mairie vous demande des compléments").contains("illisible");
        axe();
        browser.findElement(By.id("piece_justificatif-domicile")).sendKeys(pdf.toString());
        browser.findElement(By.id("complement-message")).sendKeys("Voici un justificatif lisible.");
        go(By.xpath("//button[text()='Envoyer les compléments']"));
        assertThat(page()).contains("Vos compléments ont été envoyés").contains("Compléments envoyés");
        // A page that does not exist, signed in.
        open("/page-inexistante");
        assertThat(h1()).isEqualTo("Page introuvable");
        axe();
        open("/mon-espace");
        go(By.xpath("//button[text()='Se déconnecter']"), "deconnecte");

        signInAgent(DemoPeople.MARC);
        go(By.linkText(reference));
        if (!browser.findElements(By.xpath("//button[text()='Prendre en charge']"))
                .isEmpty()) {
            go(By.xpath("//button[text()='Prendre en charge']"));
        }
        go(By.xpath("//button[text()='Accepter']"));
        assertThat(page()).contains("Acceptée");
        axe();

        assertThat(checkedPages).hasSizeGreaterThan(15);
    }

    // ---- sign-in ----------------------------------------------------------------------------------

    /**
     * FranceConnect's button on the sign-in page: the demo's FranceConnect-shaped provider signs Claire
     * Martin in without a login page, and the starter's chain brings her to her space.
     */
    private void signInResident() {
        open("/connexion");
        go(By.cssSelector("button.fc-button"), "/mon-espace");
    }

    /**
     * ProConnect's button on the agents' sign-in page, then the demo provider's login page (the portal asks
     * ProConnect to prompt, agents sharing workstations): the agent's subject and ProConnect claims typed in.
     * The teams come from the portal's agent directory, matched on the e-mail.
     */
    private void signInAgent(AgentId agent) {
        DemoPeople.DemoAgent who = DemoPeople.agent(agent);
        open("/agent/connexion");
        go(By.cssSelector("button.pc-button"));
        browser.findElement(By.id("username")).sendKeys(who.sub());
        browser.findElement(By.id("claims"))
                .sendKeys(JsonMapper.builder().build().writeValueAsString(who.proConnectClaims()));
        go(By.id("se-connecter"));
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(ExpectedConditions.urlToBe("http://localhost:" + port + "/agent"));
    }

    // ---- helpers ----------------------------------------------------------------------------------

    private void open(String path) {
        browser.get("http://localhost:" + port + path);
    }

    private static void click(By by) {
        clickResolved(by, browser.findElement(By.tagName("html")));
    }

    /**
     * Chromium sometimes fails to resolve a node it has just returned ("Node with given id does not belong
     * to the document") when axe-core has just run: find it again and retry, unless the page already changed.
     */
    private static void clickResolved(By by, WebElement html) {
        for (int attempt = 1; ; attempt++) {
            try {
                browser.findElement(by).click();
                return;
            } catch (org.openqa.selenium.WebDriverException e) {
                boolean navigated = left(html);
                if (navigated || attempt == 3 || e instanceof org.openqa.selenium.NoSuchElementException) {
                    if (navigated) {
                        return;
                    }
                    throw e;
                }
            }
        }
    }

    /** Clicks something that goes through redirects (sign-in, sign-out), and waits for where they end. */
    private static void go(By by, String finalUrlPart) {
        go(by);
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains(finalUrlPart));
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    /**
     * Whether the browser left the page {@code html} belonged to. Chromium reports a node of a page it has
     * just replaced either as stale or, while the new document loads, as "Node with given id does not
     * belong to the document": both mean the page changed.
     */
    private static boolean left(WebElement html) {
        try {
            html.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException e) {
            return true;
        } catch (org.openqa.selenium.WebDriverException e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    /** Clicks something that loads a new page, and waits for it. */
    private static void go(By by) {
        WebElement html = browser.findElement(By.tagName("html"));
        clickResolved(by, html);
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> left(html));
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    private static String h1() {
        return browser.findElement(By.tagName("h1")).getText();
    }

    private static String page() {
        return browser.findElement(By.tagName("body")).getText();
    }

    private void axe() {
        Results results = new AxeBuilder()
                .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                .analyze(browser);
        String url = browser.getCurrentUrl();
        assertThat(results.getViolations())
                .as("axe violations on %s: %s", url, describe(results.getViolations()))
                .isEmpty();
        checkedPages.add(url);
    }

    private static String describe(List<Rule> violations) {
        return violations.stream()
                .map(rule -> rule.getId() + " (" + rule.getNodes().size() + " nodes): " + rule.getHelp() + " "
                        + rule.getNodes().stream()
                                .map(n -> String.valueOf(n.getTarget()))
                                .collect(Collectors.joining(",")))
                .collect(Collectors.joining("; "));
    }

    /** A GET with the browser's session cookie, for downloads (a headless browser saves them to disk). */
    private static HttpResponse<String> get(String url) throws Exception {
        Cookie session = browser.manage().getCookieNamed("JSESSIONID");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (session != null) {
            request.header("Cookie", "JSESSIONID=" + session.getValue());
        }
        return HttpClient.newHttpClient()
                .send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
