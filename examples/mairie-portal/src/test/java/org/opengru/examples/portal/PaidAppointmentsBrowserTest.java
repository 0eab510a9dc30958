package org.opengru.examples.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opengru.examples.portal.commune.Commune;
import org.opengru.examples.portal.demo.DemoPeople;
import org.opengru.scheduling.availability.Slot;
import org.opengru.scheduling.booking.Booking;
import org.opengru.scheduling.booking.BookingPayments;
import org.opengru.scheduling.booking.BookingRequest;
import org.opengru.scheduling.booking.BookingResult;
import org.opengru.scheduling.booking.BookingService;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The paying appointment's pages in Debian's headless Chromium: the slots page with the price and the held
 * appointment with its payment form pass axe-core (WCAG 2.1 A/AA) and show no raw code; a payment refused for
 * its e-mail puts the focus on the summary, whose link leads by the keyboard to the field; the agent's day
 * with the payment state; every page at 320 px wide without horizontal scrolling.
 */
class PaidAppointmentsBrowserTest extends OneBrowserPerClass {

    private static final String MOTIF = Commune.HOTEL_DE_VILLE.value() + "/" + Commune.SERVICE_STATIONNEMENT.value();

    @Autowired
    BookingService bookings;

    @Autowired
    BookingPayments payments;

    @Test
    void thePaidAppointmentsPagesPassAxeLeadToTheirFieldsAndReflowAt320Pixels() {
        browser.signInResident();
        browser.open("/rendez-vous/creneaux?motif=" + MOTIF);
        check();
        // Held now: the tests' holds last a minute, the form is shown while the hold lasts.
        Booking held = heldForClaire();
        String detail = "/rendez-vous/" + held.id();
        browser.open(detail);
        check();
        assertThat(browser.page()).contains("Réservé provisoirement").contains("25,00 €");

        // No e-mail for PayFiP's ticket: the summary has the focus, Tab then Enter reach the field.
        browser.find(By.id("courriel")).clear();
        browser.go(By.xpath("//button[text()='Payer en ligne']"));
        check();
        assertThat(activeId()).isEqualTo("erreurs");
        browser.driver.switchTo().activeElement().sendKeys(Keys.TAB);
        assertThat(browser.driver.switchTo().activeElement().getAttribute("href"))
                .endsWith("#courriel");
        browser.driver.switchTo().activeElement().sendKeys(Keys.ENTER);
        assertThat(activeId()).isEqualTo("courriel");
        assertThat(browser.find(By.id("courriel")).getAttribute("aria-describedby"))
                .isEqualTo("erreur_courriel");

        List<String> overflowing = new ArrayList<>();
        NarrowScreen.set(browser.driver, NarrowScreen.WIDTH);
        overflowing.addAll(NarrowScreen.overflowing(
                browser, List.of("/rendez-vous/creneaux?motif=" + MOTIF, detail, "/paiement/resultat?etat=PENDING")));
        NarrowScreen.reset(browser.driver);
        browser.signOut();

        browser.signInAgent(DemoPeople.JEANNE);
        String day = "/agent/rendez-vous?site=" + Commune.HOTEL_DE_VILLE.value() + "&jour="
                + LocalDate.ofInstant(held.start(), Commune.ZONE);
        browser.open(day);
        check();
        // Awaited, or released by the jobs once the minute is over.
        assertThat(browser.page()).containsAnyOf("Paiement en ligne de 25,00 € attendu", "Non payé à temps");
        NarrowScreen.set(browser.driver, NarrowScreen.WIDTH);
        overflowing.addAll(NarrowScreen.overflowing(browser, List.of(day)));
        NarrowScreen.reset(browser.driver);
        assertThat(overflowing).as("pages wider than 320 px").isEmpty();
    }

    /** A slot of the paying service held for Claire's payment (the last one free: no other test takes it). */
    private Booking heldForClaire() {
        LocalDate from = LocalDate.now(Commune.ZONE).plusDays(40);
        List<Slot> free = bookings.availability(
                Commune.TENANT, Commune.HOTEL_DE_VILLE, Commune.SERVICE_STATIONNEMENT, from, from.plusDays(14), 1);
        BookingResult r = payments.holdForPayment(BookingRequest.online(
                Commune.TENANT,
                Commune.HOTEL_DE_VILLE,
                Commune.SERVICE_STATIONNEMENT,
                free.get(free.size() - 1).start(),
                DemoPeople.CLAIRE));
        return ((BookingResult.Booked) r).booking();
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
