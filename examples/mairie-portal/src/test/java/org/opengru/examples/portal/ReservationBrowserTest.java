package org.opengru.examples.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opengru.core.principal.Principal;
import org.opengru.core.principal.UsagerPrincipal;
import org.opengru.examples.portal.commune.Commune;
import org.opengru.examples.portal.demo.DemoPeople;
import org.opengru.scheduling.reservation.ReservableId;
import org.opengru.scheduling.reservation.Reservation;
import org.opengru.scheduling.reservation.ReservationRequest;
import org.opengru.scheduling.reservation.ReservationService;
import org.opengru.scheduling.reservation.UsagerCategory;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The reservation and event pages in Debian's headless Chromium: axe-core (WCAG 2.1 A/AA) and no raw code on
 * each, a request with errors whose summary takes the focus and leads by the keyboard to each field, the
 * confirmation before a cancellation, and every page at 320 px wide without horizontal scrolling.
 */
class ReservationBrowserTest extends OneBrowserPerClass {

    @Autowired
    ReservationService reservations;

    private final UsagerPrincipal claire = Principal.usager(Commune.TENANT, DemoPeople.CLAIRE);

    @Test
    void theJourneysPagesPassAxeTheErrorsLeadToTheirFieldsAndEveryPageReflowsAt320Pixels() {
        Reservation approved = approvedReservation();
        browser.signInResident();
        for (String path : List.of(
                "/reserver",
                "/reserver/salle-des-fetes",
                "/evenements",
                "/evenements/centre-loisirs-semaine-1",
                "/reservations/" + approved.id(),
                "/mon-espace")) {
            browser.open(path);
            check();
        }

        // Sent empty: the summary has the focus, Tab then Enter reach the first field in error.
        browser.open("/reserver/salle-des-fetes");
        browser.go(By.xpath("//button[text()='Envoyer ma demande de réservation']"));
        check();
        assertThat(activeId()).isEqualTo("erreurs");
        browser.driver.switchTo().activeElement().sendKeys(Keys.TAB);
        assertThat(browser.driver.switchTo().activeElement().getAttribute("href"))
                .endsWith("#debut_jour");
        browser.driver.switchTo().activeElement().sendKeys(Keys.ENTER);
        assertThat(activeId()).isEqualTo("debut_jour");
        assertThat(browser.find(By.id("debut_jour")).getAttribute("aria-describedby"))
                .isEqualTo("erreur_debut_jour");

        // Cancelling asks first, on a page of its own.
        browser.open("/reservations/" + approved.id());
        browser.go(By.xpath("//button[text()='Annuler cette réservation']"));
        check();
        assertThat(browser.page()).contains("Annuler cette réservation ?");

        List<String> overflowing = new ArrayList<>();
        NarrowScreen.set(browser.driver, NarrowScreen.WIDTH);
        overflowing.addAll(NarrowScreen.overflowing(
                browser,
                List.of(
                        "/reserver",
                        "/reserver/salle-des-fetes",
                        "/evenements",
                        "/evenements/atelier-lecture",
                        "/reservations/" + approved.id(),
                        "/paiement/resultat?etat=INCONNU")));
        NarrowScreen.reset(browser.driver);
        browser.signOut();

        browser.signInAgent(DemoPeople.LINH);
        for (String path : List.of(
                "/agent/reservations",
                "/agent/reservations/" + approved.id(),
                "/agent/evenements/centre-loisirs-semaine-1")) {
            browser.open(path);
            check();
        }
        // A refusal without its reason: the field says why.
        browser.open("/agent/reservations/" + requested().id());
        browser.go(By.xpath("//button[text()='Refuser la réservation']"));
        check();
        assertThat(activeId()).isEqualTo("erreurs");
        assertThat(browser.find(By.id("motif")).getAttribute("aria-invalid")).isEqualTo("true");
        NarrowScreen.set(browser.driver, NarrowScreen.WIDTH);
        overflowing.addAll(NarrowScreen.overflowing(
                browser, List.of("/agent/reservations", "/agent/reservations/" + approved.id())));
        assertThat(overflowing).as("pages wider than 320 px").isEmpty();
    }

    /** A reservation of Claire's, approved: it awaits her payment. */
    private Reservation approvedReservation() {
        Reservation r = requested();
        return reservations.approve(
                Principal.agent(Commune.TENANT, DemoPeople.LINH, Set.of(Commune.URBANISME)), r.id());
    }

    private Reservation requested() {
        LocalDate friday = LocalDate.now(Commune.ZONE)
                .with(TemporalAdjusters.next(DayOfWeek.FRIDAY))
                .plusWeeks(20
                        + reservations
                                .store()
                                .ofUsager(Commune.TENANT, DemoPeople.CLAIRE)
                                .size());
        return reservations.request(
                claire,
                new ReservationRequest(
                        Commune.TENANT,
                        ReservableId.of("salle-des-fetes"),
                        DemoPeople.CLAIRE,
                        UsagerCategory.RESIDENT,
                        friday.atTime(LocalTime.of(18, 0)).atZone(Commune.ZONE).toInstant(),
                        friday.atTime(LocalTime.of(23, 0)).atZone(Commune.ZONE).toInstant(),
                        Map.of("attestation-assurance", "document:demo")));
    }

    private void check() {
        browser.axe();
        String readable = browser.driver.getTitle() + "\n" + browser.page();
        assertThat(RawCodes.foundIn(readable))
                .as("raw codes on %s", browser.url())
                .isEmpty();
    }

    private String activeId() {
        return String.valueOf(((JavascriptExecutor) browser.driver).executeScript("return document.activeElement.id"));
    }
}
