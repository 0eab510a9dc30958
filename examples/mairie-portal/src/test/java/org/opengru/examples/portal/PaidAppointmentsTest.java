package org.opengru.examples.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opengru.examples.portal.commune.Commune;
import org.opengru.examples.portal.demo.DemoPeople;
import org.opengru.examples.portal.demo.PayfipSandbox;
import org.opengru.payments.Payment;
import org.opengru.payments.PaymentStatus;
import org.opengru.scheduling.availability.Slot;
import org.opengru.scheduling.booking.BookingId;
import org.opengru.scheduling.booking.BookingPaymentStatus;
import org.opengru.scheduling.booking.BookingPayments;
import org.opengru.scheduling.booking.BookingRequest;
import org.opengru.scheduling.booking.BookingResult;
import org.opengru.scheduling.booking.BookingService;
import org.opengru.scheduling.booking.BookingStatus;
import org.opengru.spring.jobs.GruJobContribution;
import org.opengru.spring.payments.HeldPayments;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 23: an appointment paid through PayFiP, end to end through the portal's pages and the local PayFiP
 * sandbox. The service shows its price, the slot is held while the resident pays, and the appointment is
 * confirmed only from PayFiP's read-back: notified before or after the return, never notified (the
 * reconciliation job), refused, abandoned then released when the hold ends (the slot free again), paid after
 * the hold while someone else took the slot (a refund due, said to the resident and the agent), and a return
 * that claims what PayFiP does not say.
 */
class PaidAppointmentsTest extends RunningPortal {

    private static final String MOTIF = Commune.HOTEL_DE_VILLE.value() + "/" + Commune.SERVICE_STATIONNEMENT.value();

    /** Each test its own slots: never two tests on one. */
    private static final AtomicInteger SLOT = new AtomicInteger();

    @Autowired
    PayfipSandbox sandbox;

    @Autowired
    BookingService bookings;

    @Autowired
    BookingPayments bookingPayments;

    @Autowired
    HeldPayments held;

    @Autowired
    List<GruJobContribution> jobs;

    private HttpBrowser resident;

    @BeforeEach
    void signIn() {
        sandbox.notifications(PayfipSandbox.Notifications.BEFORE_RETURN);
        sandbox.deliverHeldAfter(null);
        // A resident of their own per test: one appointment per person and service.
        resident = newResident();
    }

    @Test
    void paidWithTheNotificationBeforeTheReturnTheAppointmentIsConfirmedWithItsAvisDePaiement() {
        HttpResponse<String> slots = resident.get("/rendez-vous/creneaux?motif=" + MOTIF);
        assertThat(slots.body()).contains("Ce rendez-vous coûte").contains("25,00 €");
        BookingId id = hold(resident);
        assertThat(status(id)).isEqualTo(BookingStatus.HELD);
        String idOp = startPayment(id);
        HttpResponse<String> back = ReservationPaymentsTest.chooseWithoutFollowing(sandbox, idOp, "payer");
        assertThat(back.statusCode()).isEqualTo(303);
        assertThat(sandbox.notified()).contains(idOp);
        assertThat(status(id)).isEqualTo(BookingStatus.BOOKED);

        HttpResponse<String> result =
                resident.get(back.headers().firstValue("Location").orElseThrow());
        assertThat(result.body()).contains("est accepté").contains("25,00 €").contains("/rendez-vous/" + id);
        Payment p = lastPayment(id);
        assertThat(resident.get("/paiements/" + p.id() + "/avis").body())
                .contains("Avis de paiement")
                .contains("25,00 €")
                .contains(p.authorisationNumber());
        assertThat(resident.get("/rendez-vous/" + id).body())
                .contains("Confirmé")
                .contains("Payé en ligne : 25,00 €")
                .contains("Voir l'avis de paiement")
                .doesNotContain("Payer en ligne</button>");
        assertThat(resident.get("/mon-espace").body())
                .contains("Payé en ligne : 25,00 €")
                .contains("Avis de paiement");
        assertThat(agentDay(id).body()).contains("Payé en ligne : 25,00 €");
    }

    @Test
    void paidWithTheNotificationAfterTheReturnTheReturnConfirmsItAndTheLateNotificationChangesNothing() {
        BookingId id = hold(resident);
        sandbox.notifications(PayfipSandbox.Notifications.AFTER_RETURN);
        String idOp = startPayment(id);
        assertThat(choose(idOp, "payer").body()).contains("est accepté");
        assertThat(sandbox.notified()).doesNotContain(idOp);
        assertThat(status(id)).isEqualTo(BookingStatus.BOOKED);
        assertThat(sandbox.deliverHeldNotifications()).containsExactly(idOp);
        assertThat(status(id)).isEqualTo(BookingStatus.BOOKED);
        assertThat(bookingPayments.trail(Commune.TENANT, id))
                .filteredOn(e -> e.action().equals("confirm_payment"))
                .hasSize(1);
    }

    @Test
    void aRefusedCardOrAnAbandonedPaymentLeavesTheSlotHeldToPayAgain() {
        BookingId id = hold(resident);
        assertThat(choose(startPayment(id), "refuser").body()).contains("refusé par votre banque");
        assertThat(lastPayment(id).status()).isEqualTo(PaymentStatus.REFUSED);
        assertThat(choose(startPayment(id), "abandonner").body()).contains("Vous avez abandonné le paiement");
        assertThat(lastPayment(id).status()).isEqualTo(PaymentStatus.ABANDONED);
        assertThat(status(id)).isEqualTo(BookingStatus.HELD);
        assertThat(resident.get("/rendez-vous/" + id).body())
                .contains("Refusé")
                .contains("Abandonné")
                .contains("Payer en ligne");
    }

    @Test
    void aReturnWithoutPaymentShowsItNotConfirmedAndChangesNothing() {
        BookingId id = hold(resident);
        String idOp = startPayment(id);
        // The resident types the return address by hand, with the real operation, without paying.
        HttpResponse<String> forged = resident.get(
                "/gru/payfip/" + Commune.TENANT.value() + "/retour?idOp=" + idOp + "&resultrans=P&montant=2500");
        assertThat(forged.uri().getPath()).isEqualTo("/paiement/resultat");
        assertThat(forged.body()).contains("pas encore confirmé").doesNotContain("est accepté");
        assertThat(status(id)).isEqualTo(BookingStatus.HELD);
        assertThat(lastPayment(id).status()).isEqualTo(PaymentStatus.PENDING);
        // An operation of no one: nothing is known of it.
        assertThat(resident.get("/gru/payfip/" + Commune.TENANT.value() + "/retour?idOp=inconnu43")
                        .body())
                .contains("Nous ne trouvons pas ce paiement");
    }

    /**
     * The hold (a minute in the tests) ends while the resident is still on PayFiP's page: the slot is free
     * again, someone else takes it, then PayFiP says the first resident paid: a refund is due, said to her and
     * to the agent; never two appointments on one desk. And a payment never notified nor returned is
     * confirmed by the reconciliation job.
     */
    @Test
    void whenTheHoldEndsTheSlotIsFreeAgainAndAPaymentForTheSlotTakenIsToBeRefunded() throws Exception {
        BookingId late = hold(resident);
        Instant slot = bookings.find(Commune.TENANT, late).start();
        String lateOp = startPayment(late);
        HttpBrowser other = newResident();
        BookingId lost = hold(other);
        sandbox.notifications(PayfipSandbox.Notifications.NEVER);
        String lostOp = startPayment(other, lost);
        assertThat(ReservationPaymentsTest.chooseWithoutFollowing(sandbox, lostOp, "payer")
                        .statusCode())
                .isEqualTo(303);
        assertThat(status(lost)).isEqualTo(BookingStatus.HELD);

        waitUntil(bookings.find(Commune.TENANT, late).holdExpiresAt().plusSeconds(1));
        ReservationPaymentsTest.job(jobs, "expire-holds").body().run();
        ReservationPaymentsTest.job(jobs, "release-appointment-payments").body().run();
        assertThat(bookingPayments.find(Commune.TENANT, late).status()).isEqualTo(BookingPaymentStatus.RELEASED);
        assertThat(resident.get("/rendez-vous/" + late).body()).contains("Non payé à temps : le créneau a été libéré");
        LocalDate day = LocalDate.ofInstant(slot, Commune.ZONE);
        assertThat(bookings
                        .availability(
                                Commune.TENANT, Commune.HOTEL_DE_VILLE, Commune.SERVICE_STATIONNEMENT, day, day, 1)
                        .stream()
                        .map(Slot::start))
                .contains(slot);

        // Someone takes the freed slot; then the first resident pays on the page left open.
        BookingResult taken = bookingPayments.holdForPayment(BookingRequest.online(
                Commune.TENANT, Commune.HOTEL_DE_VILLE, Commune.SERVICE_STATIONNEMENT, slot, DemoPeople.PAUL));
        assertThat(taken).isInstanceOf(BookingResult.Booked.class);
        sandbox.notifications(PayfipSandbox.Notifications.BEFORE_RETURN);
        HttpResponse<String> result = choose(lateOp, "payer");
        assertThat(result.body()).contains("arrivé trop tard").contains("remboursé par le comptable public");
        assertThat(bookingPayments.find(Commune.TENANT, late).status()).isEqualTo(BookingPaymentStatus.REFUND_DUE);
        assertThat(lastPayment(late).status()).isEqualTo(PaymentStatus.REFUND_DUE);
        assertThat(status(late)).isEqualTo(BookingStatus.EXPIRED);
        assertThat(resident.get("/rendez-vous/" + late).body())
                .contains("remboursement à faire par le comptable public");
        assertThat(agentDay(late).body()).contains("remboursement à faire par le comptable public");

        // The payment nobody was told of: the job reads it back once reconcile-after (1 minute) is over,
        // and books the slot again for its payer, still free.
        waitUntil(lastPayment(lost).createdAt().plus(Duration.ofMinutes(1)).plusSeconds(1));
        ReservationPaymentsTest.job(jobs, "reconcile-payments").body().run();
        assertThat(lastPayment(lost).status()).isEqualTo(PaymentStatus.PAID);
        var paid = bookingPayments.find(Commune.TENANT, lost);
        assertThat(paid.status()).isEqualTo(BookingPaymentStatus.PAID);
        assertThat(status(paid.booking())).isEqualTo(BookingStatus.BOOKED);
    }

    // ---- steps ---------------------------------------------------------------------------------------------

    /** A new resident, signed in through the demo FranceConnect with an identity of their own. */
    private static HttpBrowser newResident() {
        HttpBrowser browser = new HttpBrowser(PORT);
        int n = SLOT.get();
        String sub = HexFormat.of()
                        .formatHex(UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII))
                        .substring(0, 62)
                + "v1";
        browser.signInResident(
                sub,
                Map.of(
                        "given_name", "Camille",
                        "family_name",
                                "Payeur" + (char) ('a' + n % 26)
                                        + UUID.randomUUID().toString().substring(0, 4),
                        "birthdate", "1985-0" + (1 + n % 9) + "-1" + (n % 9),
                        "gender", "female",
                        "birthplace", "45234",
                        "birthcountry", "99100",
                        "email", "camille.payeur@example.fr",
                        "acr", "eidas1"));
        return browser;
    }

    /** Chooses a slot of its own on the slots page: the portal holds it and shows the appointment to pay. */
    private BookingId hold(HttpBrowser browser) {
        HttpResponse<String> slots = browser.get("/rendez-vous/creneaux?motif=" + MOTIF);
        LocalDate from = LocalDate.now(Commune.ZONE);
        List<Slot> free = bookings.availability(
                Commune.TENANT, Commune.HOTEL_DE_VILLE, Commune.SERVICE_STATIONNEMENT, from, from.plusDays(30), 1);
        Instant start = free.get(SLOT.getAndIncrement() % free.size()).start();
        HttpResponse<String> page = browser.postForm(
                "/rendez-vous",
                Map.of(
                        "_csrf",
                        HttpBrowser.csrf(slots),
                        "motif",
                        MOTIF,
                        "creneau",
                        start.toString(),
                        "jeton",
                        UUID.randomUUID().toString()));
        assertThat(page.uri().getPath()).as(page.body()).startsWith("/rendez-vous/");
        assertThat(page.body())
                .contains("payez maintenant pour confirmer le rendez-vous")
                .contains("Réservé provisoirement")
                .contains("25,00 €")
                .contains("Payer en ligne");
        return BookingId.parse(ReservationPaymentsTest.lastSegment(page.uri()));
    }

    private String startPayment(BookingId id) {
        return startPayment(resident, id);
    }

    /** The resident's "Payer en ligne": the browser lands on the sandbox's payment page. */
    private String startPayment(HttpBrowser browser, BookingId id) {
        HttpResponse<String> detail = browser.get("/rendez-vous/" + id);
        HttpResponse<String> page = browser.postForm(
                "/rendez-vous/" + id + "/payer",
                Map.of("_csrf", HttpBrowser.csrf(detail), "courriel", "camille.payeur@example.fr"));
        assertThat(page.uri().toString()).startsWith(sandbox.paymentPage().toString());
        assertThat(page.body()).contains("25,00 €");
        return ReservationPaymentsTest.query(page.uri(), "idop");
    }

    private HttpResponse<String> choose(String idOp, String choice) {
        return resident.postForm(sandbox.paymentPage().toString(), Map.of("idop", idOp, "choix", choice));
    }

    /** The day's appointments of the Hôtel de ville as Jeanne (État civil) sees them. */
    private HttpResponse<String> agentDay(BookingId id) {
        HttpBrowser jeanne = new HttpBrowser(PORT);
        jeanne.signInAgent(DemoPeople.agent(DemoPeople.JEANNE));
        LocalDate day = LocalDate.ofInstant(bookings.find(Commune.TENANT, id).start(), Commune.ZONE);
        return jeanne.get("/agent/rendez-vous?site=" + Commune.HOTEL_DE_VILLE.value() + "&jour=" + day);
    }

    private BookingStatus status(BookingId id) {
        return bookings.find(Commune.TENANT, java.util.Objects.requireNonNull(id))
                .status();
    }

    private Payment lastPayment(BookingId id) {
        List<Payment> all = held.paymentsOf(Commune.TENANT, id);
        return all.get(all.size() - 1);
    }

    private static void waitUntil(Instant at) throws InterruptedException {
        while (Instant.now().isBefore(at)) {
            Thread.sleep(Math.max(1, Duration.between(Instant.now(), at).toMillis()));
        }
    }
}
