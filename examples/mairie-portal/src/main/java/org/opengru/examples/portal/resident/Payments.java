package org.opengru.examples.portal.resident;

import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.opengru.core.error.IllegalTransitionException;
import org.opengru.core.error.NotFoundException;
import org.opengru.core.error.ValidationException;
import org.opengru.core.principal.UsagerPrincipal;
import org.opengru.examples.portal.commune.Commune;
import org.opengru.examples.portal.commune.FormErrors;
import org.opengru.examples.portal.signin.CurrentUser;
import org.opengru.payments.Payment;
import org.opengru.payments.PaymentId;
import org.opengru.payments.PaymentService;
import org.opengru.payments.PaymentStatus;
import org.opengru.payments.ProviderException;
import org.opengru.payments.StartedPayment;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Back from PayFiP: the result page the starter's return endpoint redirects to ({@code
 * gru.tenants.<id>.payfip.result-page}), showing the payment as stored after the read-back (never as the
 * address says), with the way back to what it paid; and the avis de paiement of a payment made.
 */
@Controller
class Payments {

    static final String UNAVAILABLE = "Le service de paiement du Trésor public ne répond pas. Rien n'a été payé :"
            + " réessayez dans quelques minutes";

    private final PaymentService payments;

    Payments(PaymentService payments) {
        this.payments = payments;
    }

    /** PayFiP's refusals of the order, said at the e-mail field or in general. */
    static String refusal(ValidationException e) {
        return switch (e.field()) {
            case "payerEmail" ->
                "Indiquez une adresse e-mail valable, par exemple nom@exemple.fr : le Trésor public"
                        + " y envoie votre ticket de paiement";
            case "amountCents" -> "Ce montant ne peut pas être payé en ligne : payez à la mairie";
            default -> "Le paiement n'a pas pu commencer : appelez la mairie";
        };
    }

    /**
     * Starts a payment and sends the browser to PayFiP's page; a refused order shows the page again with the
     * reason at the e-mail field (or on top when PayFiP does not answer), and a payment no longer due goes
     * back to the page with a message.
     */
    static String startOrExplain(
            Supplier<StartedPayment> start,
            String courriel,
            String back,
            Model model,
            RedirectAttributes redirect,
            Supplier<String> page) {
        FormErrors errors = new FormErrors();
        try {
            return "redirect:" + start.get().paymentPage();
        } catch (IllegalTransitionException e) {
            redirect.addFlashAttribute("problem", "Aucun paiement n'est plus attendu ici.");
            return "redirect:" + back;
        } catch (ValidationException e) {
            errors.add("courriel", refusal(e));
        } catch (ProviderException e) {
            errors.add(null, UNAVAILABLE);
        }
        model.addAttribute("errors", errors);
        model.addAttribute("courriel", courriel);
        return page.get();
    }

    @GetMapping("/paiement/resultat")
    String result(
            @RequestParam(required = false) @Nullable String paiement,
            @RequestParam(required = false) @Nullable String etat,
            HttpSession session,
            Model model) {
        UsagerPrincipal me = CurrentUser.resident(session).usager();
        Optional<Payment> found;
        try {
            found = paiement == null ? Optional.empty() : mine(me, paiement);
        } catch (NotFoundException e) {
            // A hand-edited or forged return: the page says nothing is known of it, as for an unknown one.
            found = Optional.empty();
        }
        model.addAttribute("payment", found.orElse(null));
        model.addAttribute("subject", found.map(Payments::subjectPage).orElse(null));
        // Without a payment of theirs, the page says only what is sure: nothing is known of this return.
        model.addAttribute("unknown", found.isEmpty() && !"PENDING".equals(etat));
        return "resident/paiement-resultat";
    }

    @GetMapping("/paiements/{id}/avis")
    String receipt(@PathVariable String id, HttpSession session, Model model) {
        UsagerPrincipal me = CurrentUser.resident(session).usager();
        Payment p = mine(me, id)
                .filter(x -> x.status() == PaymentStatus.PAID
                        || x.status() == PaymentStatus.REFUND_DUE
                        || x.status() == PaymentStatus.REFUNDED)
                .orElseThrow(() -> new NotFoundException("payment", id));
        model.addAttribute("payment", p);
        model.addAttribute("subject", subjectPage(p));
        return "resident/avis-de-paiement";
    }

    /** The payment, when the resident paid it; another's, or an unknown one, is not shown. */
    private Optional<Payment> mine(UsagerPrincipal me, String raw) {
        PaymentId id = new PaymentId(Reserving.id(raw, "payment"));
        return payments.find(Commune.TENANT, id)
                .filter(p -> me.usager().equals(p.order().payer()));
    }

    /** The page of what the payment paid: a reservation, a registration, a request. */
    static @Nullable String subjectPage(Payment p) {
        String subject = p.order().subject();
        if (subject == null) {
            return null;
        }
        if (subject.startsWith("reservation:")) {
            return "/reservations/" + subject.substring("reservation:".length());
        }
        if (subject.startsWith("registration:")) {
            return "/inscriptions/" + subject.substring("registration:".length());
        }
        if (subject.startsWith("booking:")) {
            return "/rendez-vous/" + subject.substring("booking:".length());
        }
        if (subject.startsWith("request:")) {
            return "/mes-demandes/" + subject.substring("request:".length());
        }
        return null;
    }
}
