package org.opengru.examples.portal.resident;

import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Map;
import org.opengru.core.error.GruException;
import org.opengru.core.error.IllegalTransitionException;
import org.opengru.core.error.NotFoundException;
import org.opengru.core.id.UsagerId;
import org.opengru.core.principal.UsagerPrincipal;
import org.opengru.examples.portal.commune.Commune;
import org.opengru.examples.portal.commune.Confirmation;
import org.opengru.examples.portal.commune.FormErrors;
import org.opengru.examples.portal.commune.Labels;
import org.opengru.examples.portal.commune.ResidentProblems;
import org.opengru.examples.portal.signin.CurrentUser;
import org.opengru.scheduling.registration.EventSession;
import org.opengru.scheduling.registration.Registration;
import org.opengru.scheduling.registration.RegistrationRejectedException;
import org.opengru.scheduling.registration.RegistrationStatus;
import org.opengru.scheduling.registration.SessionId;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "S'inscrire à un évènement": the sessions with their places left, the registration of the resident or
 * of a child of their household (on the waiting list when full), the payment of a place when it has a
 * price, and the cancellation until the deadline.
 */
@Controller
class EventController {

    private final Reserving reserving;
    private final Labels labels;

    EventController(Reserving reserving, Labels labels) {
        this.reserving = reserving;
        this.labels = labels;
    }

    @GetMapping("/evenements")
    String list(HttpSession session, Model model) {
        CurrentUser.resident(session);
        model.addAttribute(
                "sessions",
                reserving.catalogue().sessions(Commune.TENANT).stream()
                        .filter(s -> s.startsAt().isAfter(reserving.now()))
                        .toList());
        return "resident/evenements";
    }

    @GetMapping("/evenements/{id}")
    String form(@PathVariable String id, HttpSession session, Model model) {
        UsagerPrincipal me = CurrentUser.resident(session).usager();
        model.addAttribute("errors", new FormErrors());
        model.addAttribute("chosen", me.usager().toString());
        return form(me, session(id), model);
    }

    private String form(UsagerPrincipal me, EventSession s, Model model) {
        model.addAttribute("eventSession", s);
        model.addAttribute("placesLeft", reserving.placesLeft(s));
        model.addAttribute("open", s.startsAt().isAfter(reserving.now()));
        List<UsagerId> people = reserving.actsFor(me.usager());
        model.addAttribute("people", people);
        model.addAttribute("me", me.usager());
        return "resident/evenement";
    }

    @PostMapping("/evenements/{id}")
    String register(
            @PathVariable String id,
            @RequestParam(name = "participant", defaultValue = "") String participant,
            HttpSession session,
            Model model,
            RedirectAttributes redirect) {
        UsagerPrincipal me = CurrentUser.resident(session).usager();
        EventSession s = session(id);
        FormErrors errors = new FormErrors();
        UsagerId who = reserving.actsFor(me.usager()).stream()
                .filter(u -> u.toString().equals(participant))
                .findFirst()
                .orElse(null);
        if (who == null) {
            errors.add("participant_0", "Choisissez la personne à inscrire");
        } else {
            try {
                Registration r = reserving.registrations().register(me, s.id(), who);
                redirect.addFlashAttribute(
                        "notice",
                        switch (r.status()) {
                            case WAITING ->
                                "Il n'y a plus de place : " + labels.name(who) + " est sur la liste d'attente. Vous"
                                        + " serez prévenu si une place se libère.";
                            case AWAITING_PAYMENT ->
                                "Une place est réservée pour " + labels.name(who) + ". Payez-la pour confirmer"
                                        + " l'inscription.";
                            default -> "L'inscription de " + labels.name(who) + " est confirmée.";
                        });
                return "redirect:/inscriptions/" + r.id();
            } catch (RegistrationRejectedException e) {
                errors.add(
                        "participant_0",
                        switch (e.reason()) {
                            case ALREADY_REGISTERED -> labels.name(who) + " est déjà inscrit à cette session";
                            case PERSON_LIMIT ->
                                labels.name(who) + " a déjà le nombre d'inscriptions permis pour cet" + " évènement";
                            case REGISTRATION_CLOSED -> "Les inscriptions à cette session sont closes";
                            default -> "L'inscription n'a pas été acceptée";
                        });
            } catch (GruException e) {
                errors.add(null, "L'inscription n'a pas pu être faite : " + ResidentProblems.french(e));
            }
        }
        model.addAttribute("errors", errors);
        model.addAttribute("chosen", participant);
        return form(me, s, model);
    }

    @GetMapping("/inscriptions/{id}")
    String registration(@PathVariable String id, HttpSession session, Model model) {
        UsagerPrincipal me = CurrentUser.resident(session).usager();
        Registration r = reserving.registrations().find(me, Reserving.registrationId(id));
        model.addAttribute("errors", new FormErrors());
        model.addAttribute("courriel", reserving.email(me.usager()));
        return detail(me, r, model);
    }

    private String detail(UsagerPrincipal me, Registration r, Model model) {
        reserving.paymentsOf(r).forEach(p -> reserving.payments().record(p));
        Registration now = reserving.registrations().find(me, r.id());
        EventSession s = reserving.registrations().session(now.tenant(), now.session());
        model.addAttribute("registration", now);
        model.addAttribute("eventSession", s);
        model.addAttribute("payments", reserving.paymentsOf(now));
        model.addAttribute("payAction", "/inscriptions/" + now.id() + "/payer");
        model.addAttribute("amount", reserving.money(now.priceCents()));
        model.addAttribute(
                "payable",
                now.status() == RegistrationStatus.AWAITING_PAYMENT
                        && now.holdExpiresAt() != null
                        && now.holdExpiresAt().isAfter(reserving.now()));
        model.addAttribute(
                "cancellable",
                now.status() == RegistrationStatus.WAITING
                        || (now.status().takesPlace() && s.cancelUntil().isAfter(reserving.now())));
        return "resident/inscription";
    }

    @PostMapping("/inscriptions/{id}/payer")
    String pay(
            @PathVariable String id,
            @RequestParam(defaultValue = "") String courriel,
            HttpSession session,
            Model model,
            RedirectAttributes redirect) {
        UsagerPrincipal me = CurrentUser.resident(session).usager();
        Registration r = reserving.registrations().find(me, Reserving.registrationId(id));
        return Payments.startOrExplain(
                () -> reserving.payments().payRegistration(me, r.id(), courriel.strip()),
                courriel,
                "/inscriptions/" + r.id(),
                model,
                redirect,
                () -> detail(me, r, model));
    }

    @PostMapping("/inscriptions/{id}/annuler")
    String cancel(
            @PathVariable String id,
            @RequestParam Map<String, String> posted,
            HttpSession session,
            Model model,
            RedirectAttributes redirect) {
        UsagerPrincipal me = CurrentUser.resident(session).usager();
        Registration r = reserving.registrations().find(me, Reserving.registrationId(id));
        if (!Confirmation.given(posted)) {
            model.addAttribute(
                    "confirmation",
                    new Confirmation(
                            "Annuler cette inscription ?",
                            reserving.sessionTitle(r) + " : " + labels.name(r.participant()),
                            r.paid()
                                    ? "La place sera proposée à la première personne en attente. Vous avez payé : le"
                                            + " comptable public vous remboursera, cela peut prendre quelques semaines."
                                    : "La place sera proposée à la première personne en attente : vous ne pourrez pas"
                                            + " la reprendre.",
                            "/inscriptions/" + r.id() + "/annuler",
                            Map.of(),
                            "Oui, annuler l'inscription",
                            "/inscriptions/" + r.id()));
            return "confirmation";
        }
        try {
            reserving.registrations().cancel(me, r.id());
            redirect.addFlashAttribute("notice", "L'inscription est annulée.");
        } catch (IllegalTransitionException e) {
            redirect.addFlashAttribute(
                    "problem", "L'inscription ne peut plus être annulée en ligne : la date limite est passée.");
        } catch (GruException e) {
            redirect.addFlashAttribute(
                    "problem", "L'inscription n'a pas pu être annulée : " + ResidentProblems.french(e) + ".");
        }
        return "redirect:/inscriptions/" + r.id();
    }

    private EventSession session(String id) {
        return reserving
                .catalogue()
                .session(Commune.TENANT, SessionId.of(id))
                .orElseThrow(() -> new NotFoundException("session", id));
    }
}
