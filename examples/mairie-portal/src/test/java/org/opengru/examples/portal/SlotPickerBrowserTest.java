package org.opengru.examples.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opengru.examples.portal.commune.Commune;
import org.opengru.scheduling.availability.Slot;
import org.opengru.scheduling.booking.BookingService;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The slot picker: one week or one day at a time with the period before and after, the earliest free slot
 * named first and shown first, the ANTS number asked before the slots (in the page and in the focus
 * order), a booking made with the keyboard only, axe-core on each view, no sideways scroll at 320 px.
 */
class SlotPickerBrowserTest extends OneBrowserPerClass {

    private static final String PASSPORT = "/rendez-vous/creneaux?motif=hotel-de-ville/passeport-cni";

    @Autowired
    BookingService bookings;

    @Test
    void oneWeekOrOneDayAtATimeFromTheEarliestFreeSlot() {
        browser.signInResident();
        browser.open(PASSPORT);
        Slot earliest = earliestPassportSlot();

        // The week of the earliest free slot, which is named and comes first.
        assertThat(browser.page()).contains("Premier créneau libre");
        List<WebElement> radios = browser.driver.findElements(By.name("creneau"));
        assertThat(Instant.parse(radios.get(0).getAttribute("value"))).isEqualTo(earliest.start());
        assertThat(browser.driver.findElements(By.cssSelector("form fieldset"))).hasSizeLessThanOrEqualTo(7);
        assertThat(browser.find(By.id("periode")).getText()).startsWith("Semaine du");
        // The ANTS number comes before every slot in the page.
        assertThat((Boolean) browser.driver.executeScript(
                        "return (arguments[0].compareDocumentPosition(arguments[1]) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;",
                        browser.find(By.id("ants")),
                        radios.get(0)))
                .isTrue();
        browser.axe();

        // The next week, and back.
        String week = browser.find(By.id("periode")).getText();
        String next = browser.find(By.linkText("Semaine suivante")).getAttribute("href");
        browser.go(By.linkText("Semaine suivante"));
        assertThat(browser.find(By.id("periode")).getText())
                .as("%s went to %s", next, browser.url())
                .isNotEqualTo(week);
        browser.axe();
        browser.go(By.linkText("Semaine précédente"));
        assertThat(browser.find(By.id("periode")).getText()).isEqualTo(week);

        // One day at a time.
        browser.go(By.linkText("Voir un jour à la fois"));
        assertThat(browser.url()).contains("vue=jour");
        assertThat(browser.driver.findElements(By.cssSelector("form fieldset"))).hasSizeLessThanOrEqualTo(1);
        String day = browser.find(By.id("periode")).getText();
        browser.go(By.linkText("Jour suivant"));
        assertThat(browser.find(By.id("periode")).getText()).isNotEqualTo(day);
        browser.axe();
        browser.go(By.linkText("Voir toute la semaine"));
        assertThat(browser.url()).contains("vue=semaine");

        // A malformed or past day shows the first possible period, not an error.
        browser.open(PASSPORT + "&vue=jour&du=hier");
        assertThat(browser.h1()).startsWith("Choisir un créneau");
        browser.open(PASSPORT + "&vue=jour&du=2001-01-01");
        assertThat(browser.driver.findElements(By.linkText("Jour précédent"))).isEmpty();
    }

    @Test
    void aResidentBooksWithTheKeyboardOnlyTheAntsNumberFirst() {
        browser.signInResident();
        browser.open(PASSPORT);
        // In the focus order too, the ANTS number comes before the slots.
        int first = Keyboard.firstReached(browser.driver, 60, By.id("ants"), By.name("creneau"));
        assertThat(first).as("the ANTS field is reached first").isZero();
        String ants =
                UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
        Keyboard.type(browser.driver, ants);
        Keyboard.tabTo(browser.driver, By.name("creneau"), 5);
        Keyboard.type(browser.driver, Keys.SPACE);
        Keyboard.tabTo(browser.driver, By.xpath("//button[text()='Confirmer le rendez-vous']"), 80);
        browser.go(() -> Keyboard.type(browser.driver, Keys.ENTER));
        assertThat(browser.page()).contains("Votre rendez-vous est confirmé");
        browser.axe();
        // Leave the slot to the other tests.
        String id = browser.url().substring(browser.url().lastIndexOf('/') + 1);
        bookings.cancelByOwner(DeskFixtures.CLAIRE, org.opengru.scheduling.booking.BookingId.parse(id));
    }

    @Test
    void bothViewsFitA320PixelWideScreen() {
        browser.signInResident();
        NarrowScreen.set(browser.driver, NarrowScreen.WIDTH);
        browser.open(PASSPORT);
        assertThat(NarrowScreen.overflow(browser.driver)).isNull();
        browser.axe();
        browser.open(PASSPORT + "&vue=jour");
        assertThat(NarrowScreen.overflow(browser.driver)).isNull();
        browser.axe();
        NarrowScreen.reset(browser.driver);
    }

    private Slot earliestPassportSlot() {
        LocalDate today = LocalDate.now(Commune.ZONE);
        return bookings.availability(
                        Commune.TENANT, Commune.HOTEL_DE_VILLE, Commune.SERVICE_PASSEPORT, today, today.plusDays(60), 1)
                .get(0);
    }
}
