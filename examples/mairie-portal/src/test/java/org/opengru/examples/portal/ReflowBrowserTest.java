package org.opengru.examples.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opengru.core.GruCore;
import org.opengru.core.catalogue.Procedure;
import org.opengru.core.request.Request;
import org.opengru.examples.portal.commune.Commune;
import org.opengru.examples.portal.demo.DemoPeople;
import org.opengru.scheduling.booking.BookingResult;
import org.opengru.scheduling.booking.BookingService;
import org.opengru.scheduling.booking.SiteSetup;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Reflow (WCAG 1.4.10, RGAA 10.11): every page of the portal, signed out, as a resident and as an agent,
 * at 320 px wide, scrolls vertically only. Tables too wide for the screen scroll inside their own box.
 */
class ReflowBrowserTest extends OneBrowserPerClass {

    @Autowired
    GruCore core;

    @Autowired
    BookingService bookings;

    @Autowired
    org.opengru.reports.ReportService reports;

    @Test
    void everyPageFitsA320PixelWideScreen() {
        Request request = DeskFixtures.passportRequest(core);
        DeskFixtures.messageFromTheTownHall(core, request, "Votre dossier est complet, à bientôt.");
        BookingResult.Booked someoneElses = DeskFixtures.booking(bookings, DemoPeople.PAUL);
        List<String> overflowing = new ArrayList<>();
        String report = reports.publicReports(Commune.TENANT, 1).get(0).id().toString();

        NarrowScreen.set(browser.driver, NarrowScreen.WIDTH);
        overflowing.addAll(NarrowScreen.overflowing(
                browser,
                List.of(
                        "/",
                        "/accessibilite",
                        "/plan-du-site",
                        "/mentions-legales",
                        "/connexion",
                        "/demarches",
                        "/agent/connexion",
                        "/acces-refuse",
                        "/signalements",
                        "/signalements/" + report,
                        "/signalements/nouveau",
                        "/signalements/donnees-ouvertes",
                        "/signalements/confirmation?jeton=x",
                        "/rendez-vous/" + someoneElses.booking().id() + "/annulation?jeton="
                                + someoneElses.cancelToken())));

        NarrowScreen.reset(browser.driver);
        browser.signInResident();
        NarrowScreen.set(browser.driver, NarrowScreen.WIDTH);
        List<String> resident = new ArrayList<>(List.of(
                "/mon-espace",
                "/demarches",
                "/demarches?pour=" + DemoPeople.LEO,
                "/mes-demandes/" + request.id(),
                "/mon-espace/mes-donnees/lisible",
                "/rendez-vous",
                "/signalements/nouveau",
                "/signalements/mes-signalements",
                "/signalements/" + report,
                "/page-inexistante"));
        for (Procedure p : core.procedures().catalogue(Commune.TENANT)) {
            resident.add("/demarches/" + p.code().value());
        }
        for (SiteSetup s : Commune.sites()) {
            s.services().forEach(svc -> {
                String motif = s.site().id().value() + "/" + svc.id().value();
                resident.add("/rendez-vous/creneaux?motif=" + motif);
                resident.add("/rendez-vous/creneaux?motif=" + motif + "&vue=jour");
            });
        }
        overflowing.addAll(NarrowScreen.overflowing(browser, resident));

        NarrowScreen.reset(browser.driver);
        browser.driver.manage().deleteAllCookies();
        browser.signInAgent(DemoPeople.ACCUEIL);
        NarrowScreen.set(browser.driver, NarrowScreen.WIDTH);
        List<String> agent = new ArrayList<>(List.of(
                "/agent",
                "/agent?vue=closes",
                "/agent/demandes/" + request.id(),
                "/agent/saisie",
                "/agent/rendez-vous",
                "/agent/rendez-vous?site=" + Commune.HOTEL_DE_VILLE.value() + "&jour="
                        + java.time.LocalDate.ofInstant(someoneElses.booking().start(), Commune.ZONE),
                "/agent/tableau-de-bord",
                "/agent/signalements",
                "/agent/signalements/" + report));
        for (Procedure p : core.procedures().catalogue(Commune.TENANT)) {
            agent.add("/agent/saisie?demarche=" + p.code().value());
        }
        overflowing.addAll(NarrowScreen.overflowing(browser, agent));
        NarrowScreen.reset(browser.driver);

        assertThat(overflowing).as("pages wider than %s px", NarrowScreen.WIDTH).isEmpty();
    }
}
