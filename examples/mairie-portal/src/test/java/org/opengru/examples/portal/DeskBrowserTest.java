package org.opengru.examples.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opengru.core.GruCore;
import org.opengru.core.id.RequestId;
import org.opengru.core.principal.Principal;
import org.opengru.core.principal.UsagerPrincipal;
import org.opengru.core.request.Request;
import org.opengru.core.request.RequestQuery;
import org.opengru.core.request.RequestStatus;
import org.opengru.examples.portal.commune.Commune;
import org.opengru.examples.portal.demo.DemoPeople;
import org.opengru.scheduling.booking.BookingRequest;
import org.opengru.scheduling.booking.BookingResult;
import org.opengru.scheduling.booking.BookingService;
import org.opengru.scheduling.booking.BookingStatus;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The agent's desk and the resident's irreversible actions in Debian's headless Chromium, with axe-core
 * (WCAG 2.1 A/AA) on every page and no raw code or id on any: an agent keys in a démarche that needs pieces
 * (incomplete with what is missing and why, or complete with the papers handed at the counter; a refused
 * key-in records nothing and says which field to correct), accepts after a confirmation page; the resident
 * withdraws a request and cancels an appointment after one; a form with errors ties each to its field.
 * The error summaries and the confirmations are also worked with the keyboard alone.
 */
class DeskBrowserTest extends RunningPortal {

    static PortalBrowser browser;

    @LocalServerPort
    int port;

    @Autowired
    GruCore core;

    @Autowired
    BookingService bookings;

    private final UsagerPrincipal claire = Principal.usager(Commune.TENANT, DemoPeople.CLAIRE);

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
    void anAgentKeysInACanteenRequestIncompleteThenCompleteAndAcceptsAfterConfirming() {
        browser.signInAgent(DemoPeople.MARC);
        int before = core.requests().list(claire, RequestQuery.firstPage()).size();

        browser.open("/agent/saisie?demarche=" + Commune.CANTINE);
        check();
        fillCanteen();
        browser.go(By.xpath("//button[text()='Enregistrer la demande']"));
        // No piece ticked, no reason: nothing is recorded and the form says where to look.
        assertThat(browser.driver.getTitle()).startsWith("1 erreur – Saisir une demande");
        assertSummaryFocusedAndLinked("motif");
        assertThat(core.requests().list(claire, RequestQuery.firstPage())).hasSize(before);
        check();
        // Keyboard only: from the summary to its link, Enter to the field, type the reason there.
        browser.driver.switchTo().activeElement().sendKeys(Keys.TAB);
        browser.driver.switchTo().activeElement().sendKeys(Keys.ENTER);
        assertThat(activeId()).isEqualTo("motif");
        browser.driver
                .switchTo()
                .activeElement()
                .sendKeys("Apportez un justificatif de domicile de moins de 3 mois à l'accueil.");
        browser.go(By.xpath("//button[text()='Enregistrer la demande']"));
        assertThat(browser.page())
                .contains("incomplète, les pièces manquantes lui sont demandées")
                .contains("En attente de compléments")
                .contains("par téléphone")
                .contains("Marc Moreau")
                .contains("École Jules-Ferry");
        check();
        RequestId incomplete = idOfThisPage();
        assertThat(core.requests().get(claire, incomplete).complement().missing())
                .containsExactly("Justificatif de domicile de moins de 3 mois");
        assertThat(core.requests().list(claire, RequestQuery.firstPage())).hasSize(before + 1);

        // At the counter, with the proof of address handed on paper: received complete.
        browser.open("/agent/saisie?demarche=" + Commune.CANTINE);
        fillCanteen();
        browser.click(By.id("canal-accueil"));
        browser.click(By.id("remise_justificatif-domicile"));
        browser.go(By.xpath("//button[text()='Enregistrer la demande']"));
        assertThat(browser.page())
                .contains("enregistrée pour le compte de l'usager.")
                .contains("Reçue")
                .contains("au guichet")
                .contains("remise sur papier au guichet");
        check();
        RequestId complete = idOfThisPage();
        assertThat(core.requests().get(claire, complete).status()).isEqualTo(RequestStatus.SUBMITTED);

        // Accepting asks first; "no" changes nothing, then the keyboard confirms.
        browser.go(By.xpath("//button[text()='Prendre en charge']"));
        browser.go(By.xpath("//button[text()='Accepter']"));
        assertThat(browser.h1()).isEqualTo("Accepter cette demande ?");
        check();
        browser.go(By.linkText("Non, revenir sans rien changer"));
        assertThat(core.requests().get(claire, complete).status()).isEqualTo(RequestStatus.IN_REVIEW);
        browser.go(By.xpath("//button[text()='Accepter']"));
        browser.go(() -> pressOn("Oui, accepter la demande", Keys.ENTER));
        assertThat(browser.page()).contains("C'est fait.").contains("Acceptée");
        assertThat(core.requests().get(claire, complete).status()).isEqualTo(RequestStatus.ACCEPTED);
        check();

        // Refusing asks too, and says the reason the resident will read.
        browser.open("/agent/demandes/" + incomplete);
        if (!browser.driver.findElements(By.id("motif-refus")).isEmpty()) {
            browser.type(By.id("motif-refus"), "Enfant non scolarisé dans la commune.");
            browser.go(By.xpath("//button[text()='Refuser la demande']"));
            assertThat(browser.h1()).isEqualTo("Refuser cette demande ?");
            assertThat(browser.page()).contains("Enfant non scolarisé dans la commune.");
            check();
            browser.go(By.linkText("Non, revenir sans rien changer"));
            assertThat(core.requests().get(claire, incomplete).status()).isEqualTo(RequestStatus.AWAITING_COMPLEMENT);
        }
    }

    @Test
    void theResidentConfirmsBeforeWithdrawingARequestAndCancellingAnAppointment() throws Exception {
        browser.signInResident();
        Path pdf = Files.write(DATA.resolve("facture-desk.pdf"), TestPdf.proofOfAddress());
        browser.open("/demarches/" + Commune.CANTINE);
        browser.find(By.id("champ_nomEnfant")).sendKeys("Léo Martin");
        browser.select(By.id("champ_ecole"), "ecole-des-tilleuls");
        browser.click(By.id("champ_tarifReduit_non"));
        browser.find(By.id("piece_justificatif-domicile")).sendKeys(pdf.toString());
        if (!browser.driver.findElements(By.id("consentement")).isEmpty()) {
            browser.click(By.id("consentement"));
            for (WebElement reuse : browser.driver.findElements(By.cssSelector("input[id^=reutiliser_]"))) {
                if (reuse.isSelected()) {
                    reuse.click();
                }
            }
        }
        browser.go(By.xpath("//button[text()='Envoyer ma demande']"));
        assertThat(browser.page()).contains("Votre demande est envoyée").contains("École des Tilleuls");
        check();
        RequestId filed = idOfThisPage();

        browser.go(By.xpath("//button[text()='Retirer ma demande']"));
        assertThat(browser.h1()).isEqualTo("Retirer votre demande ?");
        assertThat(browser.page()).contains("Vous ne pourrez pas la reprendre");
        check();
        assertThat(core.requests().get(claire, filed).status()).isEqualTo(RequestStatus.SUBMITTED);
        browser.go(() -> pressOn("Oui, retirer ma demande", Keys.SPACE));
        assertThat(browser.page()).contains("Votre demande a été retirée").contains("Retirée");
        assertThat(core.requests().get(claire, filed).status()).isEqualTo(RequestStatus.WITHDRAWN);
        check();

        LocalDate from = LocalDate.now(Commune.ZONE).plusDays(4);
        var slots = bookings.availability(
                Commune.TENANT, Commune.HOTEL_DE_VILLE, Commune.SERVICE_ETAT_CIVIL, from, from.plusDays(14), 1);
        var booked = (BookingResult.Booked) bookings.book(BookingRequest.online(
                Commune.TENANT,
                Commune.HOTEL_DE_VILLE,
                Commune.SERVICE_ETAT_CIVIL,
                slots.get(slots.size() - 3).start(),
                DemoPeople.CLAIRE));
        browser.open("/rendez-vous/" + booked.booking().id());
        check();
        browser.go(By.xpath("//button[text()='Annuler ce rendez-vous']"));
        assertThat(browser.h1()).isEqualTo("Annuler ce rendez-vous ?");
        assertThat(browser.page()).contains("Hôtel de ville").contains("vous ne pourrez pas le reprendre");
        check();
        assertThat(bookings.find(claire, booked.booking().id()).status()).isEqualTo(BookingStatus.BOOKED);
        browser.go(By.xpath("//button[text()='Oui, annuler ce rendez-vous']"));
        assertThat(browser.page()).contains("Votre rendez-vous est annulé");
        assertThat(bookings.find(claire, booked.booking().id()).status()).isEqualTo(BookingStatus.CANCELLED_BY_USAGER);
        check();
    }

    @Test
    void aFormWithErrorsTiesEachToItsFieldAndAsksForTheChosenFileAgain() throws Exception {
        browser.signInResident();
        Path pdf = Files.write(DATA.resolve("plan-desk.pdf"), TestPdf.proofOfAddress());
        browser.open("/demarches/" + Commune.URBANISME_DP);
        check();
        browser.select(By.id("champ_natureTravaux"), "cloture");
        browser.type(By.id("champ_surface"), "400");
        browser.find(By.id("piece_plan-situation")).sendKeys(pdf.toString());
        // Plans stored by other journeys are not reused here: the plan de masse is missing.
        for (WebElement reuse : browser.driver.findElements(By.cssSelector("input[id^=reutiliser_]"))) {
            if (reuse.isSelected()) {
                reuse.click();
            }
        }
        browser.go(By.xpath("//button[text()='Envoyer ma demande']"));

        String title = browser.driver.getTitle();
        assertThat(title).matches("[0-9]+ erreurs – Déclaration préalable de travaux - .*");
        assertSummaryFocusedAndLinked("champ_adresseTerrain");
        assertSummaryFocusedAndLinked("champ_surface");
        assertSummaryFocusedAndLinked("piece_plan-masse");
        // The file chosen is named and asked again, at its own field.
        assertThat(browser.page()).contains("choisissez à nouveau le fichier « plan-desk.pdf »");
        assertThat(browser.find(By.id("piece_plan-situation")).getAttribute("aria-describedby"))
                .contains("erreur_piece_plan-situation");
        // What was typed is still there, the choice said by its label.
        assertThat(browser.find(By.id("champ_surface")).getAttribute("value")).isEqualTo("400");
        assertThat(browser.page()).contains("Clôture");
        check();
        tabFromSummaryToField("champ_adresseTerrain");
    }

    @Test
    void theMessageAndComplementFormsTieTheirErrorsToTheirFieldsForResidentsAndAgents() throws Exception {
        Request passport = DeskFixtures.passportRequest(core);
        String page = "/mes-demandes/" + passport.id();
        browser.signInResident();

        // An empty message: the error at the message's box.
        browser.open(page);
        browser.go(By.xpath("//button[text()='Envoyer le message']"));
        assertThat(browser.driver.getTitle()).startsWith("1 erreur – Demande " + passport.reference());
        assertSummaryFocusedAndLinked("message");
        assertThat(browser.find(By.id("erreurs")).getText()).contains("Votre message n'a pas été envoyé");
        check();
        tabFromSummaryToField("message");

        // A complement whose file is refused: the error at that file, asked again.
        core.requests().startReview(DeskFixtures.JEANNE, passport.id(), null);
        core.requests()
                .requestComplement(
                        DeskFixtures.JEANNE,
                        passport.id(),
                        "Numéro illisible",
                        List.of("numeroPredemande"),
                        null,
                        null);
        Path program = Files.write(DATA.resolve("numero.pdf"), TestPdf.windowsExecutable());
        browser.open(page);
        browser.find(By.id("complement-fichier")).sendKeys(program.toString());
        browser.go(By.xpath("//button[text()='Envoyer les compléments']"));
        assertThat(browser.driver.getTitle()).startsWith("1 erreur – Demande ");
        assertSummaryFocusedAndLinked("complement-fichier");
        assertThat(browser.find(By.id("erreur_complement-fichier")).getText()).contains("Choisissez un autre fichier");
        check();
        tabFromSummaryToField("complement-fichier");
        // Leave the page (its live follow-up stream ends) without ending the session under the stream: a
        // stream whose session is gone logs a stack trace on its last dispatch,
        // which would fail UnknownAddressesTest when it runs next in this JVM.
        browser.open("/");
        browser.driver.manage().deleteAllCookies();

        // The agent's note with a file: the error at the file, the text kept.
        browser.signInAgent(DemoPeople.JEANNE);
        browser.open("/agent/demandes/" + passport.id());
        browser.type(By.id("message"), "Pièce vérifiée.");
        browser.click(By.id("vis-note"));
        browser.find(By.id("message-fichier")).sendKeys(program.toString());
        browser.go(By.xpath("//button[text()='Enregistrer']"));
        assertThat(browser.driver.getTitle()).startsWith("1 erreur – Demande ");
        assertSummaryFocusedAndLinked("message-fichier");
        assertThat(browser.find(By.id("message")).getAttribute("value")).isEqualTo("Pièce vérifiée.");
        check();
        tabFromSummaryToField("message-fichier");
    }

    @Test
    void theBookingMovingDocumentAndAgentRefusalFormsTieTheirErrorsToTheirFields() throws Exception {
        browser.signInResident();
        String slots = "/rendez-vous/creneaux?motif=" + Commune.HOTEL_DE_VILLE.value() + "/"
                + Commune.SERVICE_ETAT_CIVIL.value();

        // No slot chosen (the browser's own check taken off, as an older browser would): the error at the slots.
        browser.open(slots);
        ((JavascriptExecutor) browser.driver)
                .executeScript("document.querySelectorAll('[required]').forEach(e => e.removeAttribute('required'))");
        browser.go(By.xpath("//button[text()='Confirmer le rendez-vous']"));
        assertThat(browser.driver.getTitle()).startsWith("1 erreur – Choisir un créneau");
        assertThat(browser.find(By.id("erreurs")).getText()).contains("Le rendez-vous n'est pas encore pris");
        assertSummaryFocusedAndLinked("creneau");
        check();
        tabFromSummaryToField("creneau");

        // Moving an appointment to a slot someone else takes meanwhile: back to the slots, the error there.
        for (var b : bookings.appointments(
                DeskFixtures.JEANNE,
                Commune.HOTEL_DE_VILLE,
                java.time.Instant.now(),
                java.time.Instant.now().plus(java.time.Duration.ofDays(90)))) {
            if (b.usager().equals(DemoPeople.CLAIRE)
                    && b.service().equals(Commune.SERVICE_ETAT_CIVIL)
                    && b.status() == BookingStatus.BOOKED) {
                bookings.cancelByOwner(claire, b.id());
            }
        }
        BookingResult.Booked mine = DeskFixtures.booking(bookings, DemoPeople.CLAIRE);
        browser.open(slots + "&deplacer=" + mine.booking().id());
        java.time.Instant wanted =
                java.time.Instant.parse(browser.find(By.id("creneau")).getAttribute("value"));
        browser.click(By.id("creneau"));
        for (int desk = 0; desk < 10; desk++) {
            if (!(bookings.book(BookingRequest.online(
                            Commune.TENANT,
                            Commune.HOTEL_DE_VILLE,
                            Commune.SERVICE_ETAT_CIVIL,
                            wanted,
                            core.ids().newUsagerId()))
                    instanceof BookingResult.Booked)) {
                break;
            }
        }
        browser.go(By.xpath("//button[text()='Déplacer le rendez-vous']"));
        assertThat(browser.driver.getTitle()).startsWith("1 erreur – Choisir un créneau");
        assertThat(browser.find(By.id("erreurs")).getText())
                .contains("Le rendez-vous n'est pas déplacé")
                .contains("vient d'être pris");
        assertSummaryFocusedAndLinked("creneau");
        check();
        tabFromSummaryToField("creneau");
        assertThat(bookings.find(claire, mine.booking().id()).start())
                .isEqualTo(mine.booking().start());
        bookings.cancelByOwner(claire, mine.booking().id());

        // A file "Mes documents" refuses: the error at the file, the type chosen kept.
        Path program = Files.write(DATA.resolve("avis.pdf"), TestPdf.windowsExecutable());
        browser.open("/mon-espace");
        browser.select(By.id("type"), "avis-imposition");
        browser.find(By.id("fichier")).sendKeys(program.toString());
        browser.go(By.xpath("//button[text()='Enregistrer le document']"));
        assertThat(browser.driver.getTitle()).startsWith("1 erreur – Mon espace");
        assertSummaryFocusedAndLinked("fichier");
        assertThat(browser.find(By.id("erreur_fichier")).getText()).contains("Choisissez un autre fichier");
        assertThat(browser.find(By.id("type")).getAttribute("value")).isEqualTo("avis-imposition");
        check();
        tabFromSummaryToField("fichier");
        browser.open("/");
        browser.driver.manage().deleteAllCookies();

        // The agent refuses without a reason: the error at the reason's box.
        Request passport = DeskFixtures.passportRequest(core);
        core.requests().startReview(DeskFixtures.JEANNE, passport.id(), null);
        browser.signInAgent(DemoPeople.JEANNE);
        browser.open("/agent/demandes/" + passport.id());
        ((JavascriptExecutor) browser.driver)
                .executeScript("document.getElementById('motif-refus').removeAttribute('required')");
        browser.go(By.xpath("//button[text()='Refuser la demande']"));
        assertThat(browser.driver.getTitle()).startsWith("1 erreur – Demande " + passport.reference());
        assertThat(browser.find(By.id("erreurs")).getText()).contains("L'action n'a pas été faite");
        assertSummaryFocusedAndLinked("motif-refus");
        check();
        tabFromSummaryToField("motif-refus");
        assertThat(core.requests().get(DeskFixtures.JEANNE, passport.id()).status())
                .isEqualTo(RequestStatus.IN_REVIEW);

        // Handing the request over to a colleague: no one chosen is an error at the list; then Sophie Lambert.
        browser.go(By.xpath("//button[text()='Confier la demande']"));
        assertThat(browser.driver.getTitle()).startsWith("1 erreur – Demande ");
        assertSummaryFocusedAndLinked("collegue");
        check();
        tabFromSummaryToField("collegue");
        new org.openqa.selenium.support.ui.Select(browser.find(By.id("collegue")))
                .selectByVisibleText("Sophie Lambert (Accueil)");
        browser.go(By.xpath("//button[text()='Confier la demande']"));
        assertThat(browser.page())
                .contains("est confiée à Sophie Lambert")
                .contains("confiée à Sophie Lambert")
                .contains("Agent chargé : Sophie Lambert");
        check();
        assertThat(core.requests().get(DeskFixtures.JEANNE, passport.id()).assignee())
                .isEqualTo(DemoPeople.ACCUEIL);

        // The day's appointments: a presence marked before the appointment is refused at its row.
        BookingResult.Booked ahead = DeskFixtures.booking(bookings, core.ids().newUsagerId());
        browser.open("/agent/rendez-vous?site=" + Commune.HOTEL_DE_VILLE.value() + "&jour="
                + ahead.booking().start().atZone(Commune.ZONE).toLocalDate());
        String venu = "venu-" + ahead.booking().id();
        browser.go(By.id(venu));
        assertThat(browser.driver.getTitle()).startsWith("1 erreur – Rendez-vous du jour");
        assertThat(activeId()).isEqualTo("erreurs");
        assertThat(browser.driver.findElements(By.cssSelector("#erreurs a[href='#" + venu + "']")))
                .hasSize(1);
        assertThat(browser.find(By.id(venu)).getAttribute("aria-describedby")).isEqualTo("erreur_" + venu);
        assertThat(browser.find(By.id("erreur_" + venu)).getText()).startsWith("Erreur : Présence : ");
        check();
        tabFromSummaryToField(venu);
        assertThat(bookings.find(DeskFixtures.JEANNE, ahead.booking().id()).status())
                .isEqualTo(BookingStatus.BOOKED);
    }

    // ---- helpers ------------------------------------------------------------------------------------

    /** axe-core, and no code or id in what the page says. */
    private void check() {
        browser.axe();
        String readable = browser.driver.getTitle() + "\n" + browser.page();
        assertThat(RawCodes.foundIn(readable))
                .as("raw codes on %s", browser.url())
                .isEmpty();
    }

    private void fillCanteen() {
        new org.openqa.selenium.support.ui.Select(browser.find(By.id("usager")))
                .selectByVisibleText("Claire Marie Martin");
        browser.find(By.id("champ_nomEnfant")).sendKeys("Léo Martin");
        browser.select(By.id("champ_ecole"), "ecole-jules-ferry");
        browser.click(By.id("champ_tarifReduit_non"));
    }

    /** The summary has the focus and links to the field, which says it is invalid and why. */
    private void assertSummaryFocusedAndLinked(String field) {
        assertThat(activeId()).isEqualTo("erreurs");
        assertThat(browser.driver.findElements(By.cssSelector("#erreurs a[href='#" + field + "']")))
                .as("link to %s in %s", field, browser.find(By.id("erreurs")).getAttribute("outerHTML"))
                .hasSize(1);
        WebElement input = browser.find(By.id(field));
        assertThat(input.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(input.getAttribute("aria-describedby")).contains("erreur_" + field);
        assertThat(browser.find(By.id("erreur_" + field)).getText()).startsWith("Erreur : ");
    }

    /** Keyboard only: from the focused summary, Tab to its link to this field, Enter: the field has the focus. */
    private void tabFromSummaryToField(String field) {
        assertThat(activeId()).isEqualTo("erreurs");
        browser.driver.switchTo().activeElement().sendKeys(Keys.TAB);
        assertThat(browser.driver.switchTo().activeElement().getAttribute("href"))
                .endsWith("#" + field);
        browser.driver.switchTo().activeElement().sendKeys(Keys.ENTER);
        assertThat(activeId()).isEqualTo(field);
    }

    private String activeId() {
        return String.valueOf(((JavascriptExecutor) browser.driver).executeScript("return document.activeElement.id"));
    }

    /** Tabs from the top of the page to the button with this text, then presses the key on it. */
    private void pressOn(String text, CharSequence key) {
        browser.find(By.tagName("body")).click();
        ((JavascriptExecutor) browser.driver).executeScript("document.activeElement.blur()");
        for (int i = 0; i < 60; i++) {
            WebElement active = browser.driver.switchTo().activeElement();
            if (text.equals(active.getText())) {
                active.sendKeys(key);
                return;
            }
            active.sendKeys(Keys.TAB);
        }
        throw new AssertionError("no button '" + text + "' reached with the Tab key");
    }

    private RequestId idOfThisPage() {
        String path = browser.url().replaceAll("[?#].*", "");
        return RequestId.parse(path.substring(path.lastIndexOf('/') + 1));
    }
}
