package org.opengru.examples.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opengru.core.id.UsagerId;
import org.opengru.examples.portal.commune.Commune;
import org.opengru.scheduling.availability.Slot;
import org.opengru.scheduling.booking.BookingRequest;
import org.opengru.scheduling.booking.BookingResult;
import org.opengru.scheduling.booking.BookingService;
import org.opengru.scheduling.booking.BookingStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The cancellation link sent with an appointment, followed by someone who is not signed in: it shows the
 * appointment and asks to confirm (following the link cancels nothing), the confirmation cancels it; a
 * wrong secret shows nothing of the appointment and changes nothing.
 */
class CancelLinkTest extends RunningPortal {

    @LocalServerPort
    int port;

    @Autowired
    BookingService bookings;

    private BookingResult.Booked book() {
        LocalDate from = LocalDate.now(ZoneId.of("Europe/Paris")).plusDays(3);
        List<Slot> slots = bookings.availability(
                Commune.TENANT, Commune.HOTEL_DE_VILLE, Commune.SERVICE_ETAT_CIVIL, from, from.plusDays(14), 1);
        return (BookingResult.Booked) bookings.book(BookingRequest.online(
                Commune.TENANT,
                Commune.HOTEL_DE_VILLE,
                Commune.SERVICE_ETAT_CIVIL,
                slots.get(slots.size() - 1).start(),
                UsagerId.of(UUID.randomUUID())));
    }

    @Test
    void someoneNotSignedInCancelsWithTheLinkAfterConfirming() {
        BookingResult.Booked booked = book();
        String link = "/rendez-vous/" + booked.booking().id() + "/annulation?jeton=" + booked.cancelToken();
        HttpBrowser stranger = new HttpBrowser(port);

        HttpResponse<String> page = stranger.get(link);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Voulez-vous annuler ce rendez-vous", "Oui, annuler ce rendez-vous");
        assertThat(bookings.find(Commune.TENANT, booked.booking().id()).status())
                .as("following the link cancels nothing")
                .isEqualTo(BookingStatus.BOOKED);

        HttpResponse<String> done = stranger.postForm(
                "/rendez-vous/" + booked.booking().id() + "/annulation",
                Map.of("jeton", booked.cancelToken(), "_csrf", HttpBrowser.csrf(page)));
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.body()).contains("Votre rendez-vous est annulé");
        assertThat(bookings.find(Commune.TENANT, booked.booking().id()).status())
                .isEqualTo(BookingStatus.CANCELLED_BY_USAGER);
    }

    @Test
    void aWrongSecretShowsNothingAndChangesNothing() {
        BookingResult.Booked booked = book();
        HttpBrowser stranger = new HttpBrowser(port);
        String path = "/rendez-vous/" + booked.booking().id() + "/annulation";

        HttpResponse<String> page = stranger.get(path + "?jeton=devine");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("annulation n&#39;est pas valable").doesNotContain("Oui, annuler");
        // A session's CSRF token from the real link's page: the form is genuine, the secret is not.
        String csrf = HttpBrowser.csrf(stranger.get(path + "?jeton=" + booked.cancelToken()));
        HttpResponse<String> post = stranger.postForm(path, Map.of("jeton", "devine", "_csrf", csrf));
        assertThat(post.body()).contains("annulation n&#39;est pas valable");
        assertThat(bookings.find(Commune.TENANT, booked.booking().id()).status())
                .isEqualTo(BookingStatus.BOOKED);
    }
}
