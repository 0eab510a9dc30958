package org.opengru.examples.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opengru.core.job.Job;
import org.opengru.examples.portal.commune.Commune;
import org.opengru.examples.portal.demo.DemoPeople;
import org.opengru.examples.portal.demo.PayfipSandbox;
import org.opengru.payments.Payment;
import org.opengru.payments.PaymentStatus;
import org.opengru.scheduling.registration.RegistrationId;
import org.opengru.scheduling.registration.RegistrationService;
import org.opengru.scheduling.registration.RegistrationStatus;
import org.opengru.scheduling.reservation.ReservationId;
import org.opengru.scheduling.reservation.ReservationService;
import org.opengru.scheduling.reservation.ReservationStatus;
import org.opengru.spring.jobs.GruJobContribution;
import org.opengru.spring.payments.HeldPayments;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * "Réserver une salle" and "S'inscrire à un évènement" end to end, through the portal's pages and the local
 * PayFiP sandbox (SOAP web service and payment page on loopback): the resident asks, the agent approves after
 * a confirmation, the resident pays on the sandbox's page and comes back; each scenario of the DGFiP's guide
 * ends in the state the read-back says, never the browser: paid with the notification before the return,
 * paid with the notification after it (recorded once), abandoned, refused, never notified (the
 * reconciliation job), and a forged return.
 */
class ReservationPaymentsTest extends RunningPortal {

    /** Each test its own Saturday: reservations of one room never overlap across tests. */
    private static final AtomicInteger WEEK = new AtomicInteger(1);

    @Autowired
    PayfipSandbox sandbox;

    @Autowired
    ReservationService reservations;

    @Autowired
    RegistrationService registrations;

    @Autowired
    HeldPayments held;

    @Autowired
    List<GruJobContribution> jobs;

    private HttpBrowser claire;
    private HttpBrowser linh;

    @BeforeEach
    void signIn() {
        sandbox.notifications(PayfipSandbox.Notifications.BEFORE_RETURN);
        sandbox.deliverHeldAfter(null);
        claire = new HttpBrowser(PORT);
        claire.signInResident();
        linh = new HttpBrowser(PORT);
        linh.signInAgent(DemoPeople.agent(DemoPeople.LINH));
    }

    @Test
    void paidWithTheNotificationBeforeTheReturnTheReservationIsConfirmedWithItsAvisDePaiement() throws Exception {
        ReservationId id = approvedReservation();
        String idOp = startPayment(id);
        // PayFiP's usual order: its server notifies, then the browser comes back.
        HttpResponse<String> back = chooseWithoutFollowing(sandbox, idOp, "payer");
        assertThat(back.statusCode()).isEqualTo(303);
        assertThat(sandbox.notified()).contains(idOp);
        assertThat(status(id)).isEqualTo(ReservationStatus.CONFIRMED);

        HttpResponse<String> result =
                claire.get(back.headers().firstValue("Location").orElseThrow());
        assertThat(result.uri().getPath()).isEqualTo("/paiement/resultat");
        assertThat(result.body()).contains("est accepté").contains("150,00 €");
        Payment p = lastPayment(id);
        HttpResponse<String> avis = claire.get("/paiements/" + p.id() + "/avis");
        assertThat(avis.statusCode()).isEqualTo(200);
        assertThat(avis.body())
                .contains("Avis de paiement")
                .contains("150,00 €")
                .contains(p.authorisationNumber());
        assertThat(claire.get("/reservations/" + id).body())
                .contains("Confirmée")
                .contains("Voir l'avis de paiement");
        assertThat(claire.get("/mon-espace").body())
                .contains("Mes réservations")
                .contains("Salle des fêtes");
        // The agent sees the payment's state and PayFiP's operation.
        assertThat(linh.get("/agent/reservations/" + id).body())
                .contains("Payé")
                .contains(idOp);
    }

    @Test
    void aPaidReservationCancelledHasItsRefundRecordedByTheAgentAfterAConfirmation() {
        ReservationId id = approvedReservation();
        choose(startPayment(id), "payer");
        assertThat(status(id)).isEqualTo(ReservationStatus.CONFIRMED);
        HttpResponse<String> mine = claire.get("/reservations/" + id);
        claire.postForm("/reservations/" + id + "/annuler", Map.of("_csrf", HttpBrowser.csrf(mine), "confirme", "oui"));
        assertThat(status(id)).isEqualTo(ReservationStatus.REFUND_DUE);

        HttpResponse<String> page = linh.get("/agent/reservations/" + id);
        assertThat(page.body()).contains("Enregistrer le remboursement");
        String csrf = HttpBrowser.csrf(page);
        String path = "/agent/reservations/" + id + "/remboursement";
        // No reference: the error is tied to its field, nothing is recorded.
        HttpResponse<String> empty = linh.postForm(path, Map.of("_csrf", csrf, "reference", " ", "confirme", "oui"));
        assertThat(empty.body())
                .contains("Le remboursement n’est pas enregistré")
                .contains("id=\"erreur_reference\"")
                .contains("aria-describedby=\"erreur_reference\"");
        assertThat(status(id)).isEqualTo(ReservationStatus.REFUND_DUE);
        // A reference: first the confirmation, without JavaScript.
        HttpResponse<String> ask = linh.postForm(path, Map.of("_csrf", csrf, "reference", "Mandat 2026-042"));
        assertThat(ask.body()).contains("Enregistrer le remboursement ?").contains("Mandat 2026-042");
        assertThat(status(id)).isEqualTo(ReservationStatus.REFUND_DUE);
        HttpResponse<String> done =
                linh.postForm(path, Map.of("_csrf", csrf, "reference", "Mandat 2026-042", "confirme", "oui"));
        assertThat(done.body()).contains("Le remboursement est enregistré.");
        assertThat(status(id)).isEqualTo(ReservationStatus.REFUNDED);
        assertThat(done.body()).doesNotContain("Enregistrer le remboursement</button>");
    }

    @Test
    void paidWithTheNotificationAfterTheReturnTheReturnRecordsItAndTheLateNotificationChangesNothing() {
        ReservationId id = approvedReservation();
        sandbox.notifications(PayfipSandbox.Notifications.AFTER_RETURN);
        String idOp = startPayment(id);
        HttpResponse<String> result = choose(idOp, "payer");
        assertThat(result.body()).contains("est accepté");
        assertThat(sandbox.notified()).doesNotContain(idOp);
        assertThat(status(id)).isEqualTo(ReservationStatus.CONFIRMED);

        assertThat(sandbox.deliverHeldNotifications()).containsExactly(idOp);
        assertThat(sandbox.notified()).contains(idOp);
        assertThat(status(id)).isEqualTo(ReservationStatus.CONFIRMED);
        assertThat(lastPayment(id).status()).isEqualTo(PaymentStatus.PAID);
    }

    @Test
    void anAbandonedPaymentLeavesTheReservationToPayAndASecondAttemptPays() {
        ReservationId id = approvedReservation();
        String first = startPayment(id);
        assertThat(choose(first, "abandonner").body()).contains("Vous avez abandonné le paiement");
        assertThat(status(id)).isEqualTo(ReservationStatus.AWAITING_PAYMENT);
        assertThat(lastPayment(id).status()).isEqualTo(PaymentStatus.ABANDONED);
        assertThat(claire.get("/reservations/" + id).body())
                .contains("Abandonné")
                .contains("Payer en ligne");

        String second = startPayment(id);
        assertThat(choose(second, "payer").body()).contains("est accepté");
        assertThat(status(id)).isEqualTo(ReservationStatus.CONFIRMED);
    }

    @Test
    void aRefusedCardLeavesTheReservationToPay() {
        ReservationId id = approvedReservation();
        String idOp = startPayment(id);
        assertThat(choose(idOp, "refuser").body()).contains("refusé par votre banque");
        assertThat(status(id)).isEqualTo(ReservationStatus.AWAITING_PAYMENT);
        assertThat(lastPayment(id).status()).isEqualTo(PaymentStatus.REFUSED);
    }

    @Test
    void aPaymentNeverNotifiedNorReturnedIsRecordedByTheReconciliationJob() throws Exception {
        ReservationId id = approvedReservation();
        sandbox.notifications(PayfipSandbox.Notifications.NEVER);
        String idOp = startPayment(id);
        // Paid at PayFiP, then the resident closes the window: neither call reaches the portal.
        assertThat(chooseWithoutFollowing(sandbox, idOp, "payer").statusCode()).isEqualTo(303);
        assertThat(status(id)).isEqualTo(ReservationStatus.AWAITING_PAYMENT);
        Payment pending = lastPayment(id);
        assertThat(pending.status()).isEqualTo(PaymentStatus.PENDING);

        // The job reads back what has been pending longer than reconcile-after (1 minute, its least).
        Instant old = pending.createdAt().plus(Duration.ofMinutes(1)).plusSeconds(1);
        while (Instant.now().isBefore(old)) {
            Thread.sleep(Math.max(1, Duration.between(Instant.now(), old).toMillis()));
        }
        job("reconcile-payments").body().run();
        assertThat(lastPayment(id).status()).isEqualTo(PaymentStatus.PAID);
        assertThat(status(id)).isEqualTo(ReservationStatus.CONFIRMED);
    }

    @Test
    void aPaidRegistrationCancelledHasItsRefundRecordedOnTheAgentsEventPage() {
        String event = "/evenements/centre-loisirs-semaine-1";
        HttpResponse<String> registered = claire.postForm(
                event,
                Map.of("_csrf", HttpBrowser.csrf(claire.get(event)), "participant", DemoPeople.CLAIRE.toString()));
        assertThat(registered.body()).contains("Place réservée");
        RegistrationId id = new RegistrationId(UUID.fromString(lastSegment(registered.uri())));
        HttpResponse<String> paying = claire.postForm(
                "/inscriptions/" + id + "/payer",
                Map.of("_csrf", HttpBrowser.csrf(registered), "courriel", "claire.martin@example.fr"));
        choose(query(paying.uri(), "idop"), "payer");
        assertThat(registrations.find(Commune.TENANT, id).status()).isEqualTo(RegistrationStatus.CONFIRMED);
        HttpResponse<String> mine = claire.get("/inscriptions/" + id);
        claire.postForm("/inscriptions/" + id + "/annuler", Map.of("_csrf", HttpBrowser.csrf(mine), "confirme", "oui"));
        assertThat(registrations.find(Commune.TENANT, id).status()).isEqualTo(RegistrationStatus.REFUND_DUE);

        // Marc, of the Enfance team that runs the session.
        HttpBrowser marc = new HttpBrowser(PORT);
        marc.signInAgent(DemoPeople.agent(DemoPeople.MARC));
        HttpResponse<String> page = marc.get("/agent" + event);
        assertThat(page.body()).contains("Enregistrer le remboursement");
        String csrf = HttpBrowser.csrf(page);
        String path = "/agent" + event + "/inscriptions/" + id + "/remboursement";
        // No reference: the error is tied to this registration's field, nothing is recorded.
        HttpResponse<String> empty = marc.postForm(path, Map.of("_csrf", csrf, "reference", " ", "confirme", "oui"));
        assertThat(empty.body())
                .contains("Le remboursement n’est pas enregistré")
                .contains("href=\"#reference_" + id + "\"")
                .contains("id=\"erreur_reference_" + id + "\"")
                .contains("aria-describedby=\"erreur_reference_" + id + "\"");
        assertThat(registrations.find(Commune.TENANT, id).status()).isEqualTo(RegistrationStatus.REFUND_DUE);
        // A reference: first the confirmation, without JavaScript.
        HttpResponse<String> ask = marc.postForm(path, Map.of("_csrf", csrf, "reference", "Mandat 2026-043"));
        assertThat(ask.body()).contains("Enregistrer le remboursement ?").contains("Mandat 2026-043");
        assertThat(registrations.find(Commune.TENANT, id).status()).isEqualTo(RegistrationStatus.REFUND_DUE);
        HttpResponse<String> done =
                marc.postForm(path, Map.of("_csrf", csrf, "reference", "Mandat 2026-043", "confirme", "oui"));
        assertThat(done.body()).contains("Le remboursement est enregistré.");
        assertThat(registrations.find(Commune.TENANT, id).status()).isEqualTo(RegistrationStatus.REFUNDED);
        assertThat(done.body()).doesNotContain("Enregistrer le remboursement</button>");
    }

    @Test
    void aForgedReturnShowsNoPaymentAndChangesNothing() {
        HttpResponse<String> page = claire.get("/gru/payfip/" + Commune.TENANT.value() + "/retour?idOp=inconnu42");
        assertThat(page.uri().getPath()).isEqualTo("/paiement/resultat");
        assertThat(page.body()).contains("Nous ne trouvons pas ce paiement");
    }

    @Test
    void aParentRegistersAChildPaysThePlaceAndTheFullWorkshopPutsTheNextOnTheWaitingList() {
        String csrf = HttpBrowser.csrf(claire.get("/evenements/centre-loisirs-semaine-1"));
        HttpResponse<String> registered = claire.postForm(
                "/evenements/centre-loisirs-semaine-1",
                Map.of("_csrf", csrf, "participant", DemoPeople.LEO.toString()));
        assertThat(registered.uri().getPath()).startsWith("/inscriptions/");
        assertThat(registered.body()).contains("Place réservée").contains("45,00 €");
        RegistrationId id = new RegistrationId(UUID.fromString(lastSegment(registered.uri())));
        HttpResponse<String> page = claire.postForm(
                "/inscriptions/" + id + "/payer",
                Map.of("_csrf", HttpBrowser.csrf(registered), "courriel", "claire.martin@example.fr"));
        String idOp = query(page.uri(), "idop");
        assertThat(choose(idOp, "payer").body()).contains("est accepté");
        assertThat(registrations.find(Commune.TENANT, id).status()).isEqualTo(RegistrationStatus.CONFIRMED);

        // The workshop has one place: Claire takes it, Léo waits.
        String workshop = HttpBrowser.csrf(claire.get("/evenements/atelier-lecture"));
        claire.postForm(
                "/evenements/atelier-lecture", Map.of("_csrf", workshop, "participant", DemoPeople.CLAIRE.toString()));
        HttpResponse<String> waiting = claire.postForm(
                "/evenements/atelier-lecture", Map.of("_csrf", workshop, "participant", DemoPeople.LEO.toString()));
        assertThat(waiting.body()).contains("Sur liste d&#39;attente");
        // Cancelling asks first.
        String waitingId = lastSegment(waiting.uri());
        HttpResponse<String> ask =
                claire.postForm("/inscriptions/" + waitingId + "/annuler", Map.of("_csrf", HttpBrowser.csrf(waiting)));
        assertThat(ask.body()).contains("Annuler cette inscription ?");
        assertThat(registrations
                        .find(Commune.TENANT, new RegistrationId(UUID.fromString(waitingId)))
                        .status())
                .isEqualTo(RegistrationStatus.WAITING);
    }

    @Test
    void aRequestWithErrorsTiesEachToItsFieldAndWritesNothing() {
        String csrf = HttpBrowser.csrf(claire.get("/reserver/salle-des-fetes"));
        int before =
                reservations.store().ofUsager(Commune.TENANT, DemoPeople.CLAIRE).size();
        HttpResponse<String> page = claire.postMultipart(
                "/reserver/salle-des-fetes",
                Map.of("_csrf", csrf, "categorie", "RESIDENT", "debut_jour", "31/02/2027", "fin_heure", "10:00"));
        assertThat(page.body())
                .contains("href=\"#debut_jour\"")
                .contains("id=\"erreur_debut_jour\"")
                .contains("href=\"#fin_jour\"")
                .contains("href=\"#piece_attestation-assurance\"");
        assertThat(reservations.store().ofUsager(Commune.TENANT, DemoPeople.CLAIRE))
                .hasSize(before);
    }

    // ---- steps ---------------------------------------------------------------------------------------------

    /** Claire asks for the salle des fêtes on a Saturday of her own, with her insurance; Linh approves. */
    private ReservationId approvedReservation() {
        LocalDate saturday = LocalDate.now(Commune.ZONE)
                .with(TemporalAdjusters.next(DayOfWeek.SATURDAY))
                .plusWeeks(WEEK.getAndIncrement());
        String csrf = HttpBrowser.csrf(claire.get("/reserver/salle-des-fetes"));
        HttpResponse<String> asked = claire.postMultipart(
                "/reserver/salle-des-fetes",
                Map.of(
                        "_csrf",
                        csrf,
                        "categorie",
                        "RESIDENT",
                        "debut_jour",
                        saturday.toString(),
                        "debut_heure",
                        "10:00",
                        "fin_jour",
                        saturday.toString(),
                        "fin_heure",
                        "23:00"),
                Map.of(
                        "piece_attestation-assurance",
                        new HttpBrowser.FilePart("assurance.pdf", "application/pdf", TestPdf.proofOfAddress())));
        assertThat(asked.uri().getPath()).as(asked.body()).startsWith("/reservations/");
        assertThat(asked.body())
                .contains("en attente de l&#39;accord de la mairie")
                .contains("150,00 €");
        ReservationId id = new ReservationId(UUID.fromString(lastSegment(asked.uri())));

        HttpResponse<String> agentPage = linh.get("/agent/reservations/" + id);
        assertThat(agentPage.body()).contains("Accepter la réservation").contains("jointe");
        String agentCsrf = HttpBrowser.csrf(agentPage);
        HttpResponse<String> ask = linh.postForm("/agent/reservations/" + id + "/accepter", Map.of("_csrf", agentCsrf));
        assertThat(ask.body()).contains("Accepter cette réservation ?");
        assertThat(status(id)).isEqualTo(ReservationStatus.REQUESTED);
        linh.postForm("/agent/reservations/" + id + "/accepter", Map.of("_csrf", agentCsrf, "confirme", "oui"));
        assertThat(status(id)).isEqualTo(ReservationStatus.AWAITING_PAYMENT);
        return id;
    }

    /** The resident's "Payer en ligne": the browser lands on the sandbox's payment page. */
    private String startPayment(ReservationId id) {
        HttpResponse<String> detail = claire.get("/reservations/" + id);
        assertThat(detail.body()).contains("Payer en ligne");
        HttpResponse<String> page = claire.postForm(
                "/reservations/" + id + "/payer",
                Map.of("_csrf", HttpBrowser.csrf(detail), "courriel", "claire.martin@example.fr"));
        assertThat(page.uri().toString()).startsWith(sandbox.paymentPage().toString());
        assertThat(page.body()).contains("150,00 €");
        return query(page.uri(), "idop");
    }

    /** The resident's choice on PayFiP's page, then back to the portal. */
    private HttpResponse<String> choose(String idOp, String choice) {
        return claire.postForm(sandbox.paymentPage().toString(), Map.of("idop", idOp, "choix", choice));
    }

    /** The choice on the sandbox's payment page, its redirect back to the portal not followed. */
    static HttpResponse<String> chooseWithoutFollowing(PayfipSandbox sandbox, String idOp, String choice) {
        try {
            return HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(sandbox.paymentPage())
                                    .header("Content-Type", "application/x-www-form-urlencoded")
                                    .POST(HttpRequest.BodyPublishers.ofString("idop="
                                            + URLEncoder.encode(idOp, StandardCharsets.UTF_8) + "&choix=" + choice))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private ReservationStatus status(ReservationId id) {
        return reservations.find(Commune.TENANT, id).status();
    }

    private Payment lastPayment(ReservationId id) {
        List<Payment> all = held.paymentsOf(Commune.TENANT, id);
        return all.get(all.size() - 1);
    }

    private Job job(String name) {
        return job(jobs, name);
    }

    /** A job of the running portal, to run it now rather than on its schedule. */
    static Job job(List<GruJobContribution> jobs, String name) {
        return jobs.stream()
                .flatMap(c -> c.jobs().stream())
                .filter(j -> j.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    static String lastSegment(URI uri) {
        String path = uri.getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    static String query(URI uri, String name) {
        for (String pair : uri.getRawQuery().split("&")) {
            if (pair.startsWith(name + "=")) {
                return java.net.URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("no " + name + " in " + uri);
    }
}
