package org.opengru.examples.portal.agent;

import jakarta.servlet.http.HttpSession;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.opengru.core.error.GruException;
import org.opengru.core.error.IllegalTransitionException;
import org.opengru.core.error.NotFoundException;
import org.opengru.core.principal.AgentPrincipal;
import org.opengru.examples.portal.commune.Commune;
import org.opengru.examples.portal.commune.Confirmation;
import org.opengru.examples.portal.commune.FormErrors;
import org.opengru.examples.portal.commune.Labels;
import org.opengru.examples.portal.resident.Reserving;
import org.opengru.examples.portal.signin.CurrentUser;
import org.opengru.scheduling.registration.EventSession;
import org.opengru.scheduling.registration.Registration;
import org.opengru.scheduling.registration.SessionId;
import org.opengru.scheduling.reservation.Reservable;
import org.opengru.scheduling.reservation.Reservation;
import org.opengru.scheduling.reservation.ReservationStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The agents' side of reservations and events: the requests to approve or refuse (pieces shown), the
 * reservations ahead with their payment states, the refunds to record, and each session's registrations
 * with their payments. Only the agents of a room's or a session's teams see it.
 */
@Controller
class ReservationDeskController {

    private final Reserving reserving;
    private final Labels labels;

    ReservationDeskController(Reserving reserving, Labels labels) {
        this.reserving = reserving;
        this.labels = labels;
    }

    /** A room and its reservations, those to examine first. */
    public record Row(Reservable reservable, List<Reservation> toExamine, List<Reservation> others) {}

    @GetMapping("/agent/reservations")
    String list(HttpSession session, Model model) {
        AgentPrincipal agent = CurrentUser.agent(session).agentPrincipal();
        Instant now = reserving.now();
        List<Row> rows = new ArrayList<>();
        for (Reservable r : reserving.catalogue().reservables(Commune.TENANT)) {
            if (r.teams().stream().noneMatch(agent::memberOf)) {
                continue;
            }
            List<Reservation> all = reserving
                    .reservations()
                    .agenda(
                            agent,
                            r.id(),
                            now.minus(Duration.ofDays(31)),
                            now.plus(r.maxHorizon()).plus(r.maxDuration()));
            rows.add(new Row(
                    r,
                    all.stream()
                            .filter(x -> x.status() == ReservationStatus.REQUESTED)
                            .toList(),
                    all.stream()
                            .filter(x -> x.status() != ReservationStatus.REQUESTED)
                            .toList()));
        }
        model.addAttribute("rows", rows);
        model.addAttribute(
                "sessions",
                reserving.catalogue().sessions(Commune.TENANT).stream()
                        .filter(s -> s.teams().stream().anyMatch(agent::memberOf))
                        .toList());
        return "agent/reservations";
    }

    @GetMapping("/agent/reservations/{id}")
    String reservation(@PathVariable String id, HttpSession session, Model model) {
        AgentPrincipal agent = CurrentUser.agent(session).agentPrincipal();
        Reservation r = reserving.reservations().find(agent, Reserving.reservationId(id));
        model.addAttribute("errors", new FormErrors());
        return detail(r, model);
    }

    /** The reservation, as a confirmation names it. */
    private String what(Reservation r) {
        return reserving.reservableName(r) + ", du " + labels.dateTime(r.start()) + " au " + labels.dateTime(r.end())
                + ", pour " + labels.name(r.usager());
    }

    private String detail(Reservation r, Model model) {
        model.addAttribute("reservation", r);
        model.addAttribute(
                "reservable",
                reserving.catalogue().reservable(r.tenant(), r.reservable()).orElseThrow());
        model.addAttribute("payments", reserving.paymentsOf(r));
        model.addAttribute("applicant", labels.name(r.usager()));
        if (!model.containsAttribute("errorsHeading")) {
            model.addAttribute("errorsHeading", "Le refus n’est pas enregistré");
        }
        return "agent/reservation";
    }

    @PostMapping("/agent/reservations/{id}/accepter")
    String approve(
            @PathVariable String id,
            @RequestParam Map<String, String> posted,
            HttpSession session,
            Model model,
            RedirectAttributes redirect) {
        AgentPrincipal agent = CurrentUser.agent(session).agentPrincipal();
        Reservation r = reserving.reservations().find(agent, Reserving.reservationId(id));
        if (!Confirmation.given(posted)) {
            model.addAttribute(
                    "confirmation",
                    new Confirmation(
                            "Accepter cette réservation ?",
                            what(r),
                            r.priceCents() > 0
                                    ? "L'usager sera invité à payer " + reserving.money(r.priceCents())
                                            + " en ligne ; sans paiement dans le délai, la salle sera libérée."
                                    : "La réservation sera confirmée à l'usager.",
                            "/agent/reservations/" + r.id() + "/accepter",
                            Map.of(),
                            "Oui, accepter",
                            "/agent/reservations/" + r.id()));
            return "confirmation";
        }
        try {
            reserving.reservations().approve(agent, r.id());
            redirect.addFlashAttribute("notice", "La réservation est acceptée.");
        } catch (IllegalTransitionException e) {
            redirect.addFlashAttribute(
                    "problem",
                    r.missingPieces().isEmpty()
                            ? "Cette réservation ne peut plus être acceptée : elle a changé entre-temps."
                            : "Une pièce manque encore : la réservation ne peut pas être acceptée.");
        } catch (GruException e) {
            redirect.addFlashAttribute("problem", "La réservation n'a pas pu être acceptée.");
        }
        return "redirect:/agent/reservations/" + r.id();
    }

    @PostMapping("/agent/reservations/{id}/refuser")
    String reject(
            @PathVariable String id,
            @RequestParam Map<String, String> posted,
            HttpSession session,
            Model model,
            RedirectAttributes redirect) {
        AgentPrincipal agent = CurrentUser.agent(session).agentPrincipal();
        Reservation r = reserving.reservations().find(agent, Reserving.reservationId(id));
        String reason = posted.getOrDefault("motif", "").strip();
        if (reason.isEmpty() || reason.length() > 2000) {
            FormErrors errors = new FormErrors();
            errors.add(
                    "motif",
                    reason.isEmpty()
                            ? "Écrivez le motif du refus : l'usager le lira"
                            : "Le motif est trop long : 2000 caractères au plus");
            model.addAttribute("errors", errors);
            model.addAttribute("motif", reason);
            return detail(r, model);
        }
        if (!Confirmation.given(posted)) {
            model.addAttribute(
                    "confirmation",
                    new Confirmation(
                            "Refuser cette réservation ?",
                            what(r),
                            "L'usager lira le motif ; la salle sera de nouveau libre sur cette période. Le refus"
                                    + " ne peut pas être annulé.",
                            "/agent/reservations/" + r.id() + "/refuser",
                            Map.of("motif", reason),
                            "Oui, refuser",
                            "/agent/reservations/" + r.id()));
            return "confirmation";
        }
        try {
            reserving.reservations().reject(agent, r.id(), reason);
            redirect.addFlashAttribute("notice", "La réservation est refusée.");
        } catch (GruException e) {
            redirect.addFlashAttribute(
                    "problem", "La réservation n'a pas pu être refusée : elle a changé entre-temps.");
        }
        return "redirect:/agent/reservations/" + r.id();
    }

    /**
     * The refund the comptable public made of a reservation paid then cancelled (or paid late): the agent
     * records its reference (the mandat or the bordereau), after a confirmation.
     */
    @PostMapping("/agent/reservations/{id}/remboursement")
    String recordRefund(
            @PathVariable String id,
            @RequestParam Map<String, String> posted,
            HttpSession session,
            Model model,
            RedirectAttributes redirect) {
        AgentPrincipal agent = CurrentUser.agent(session).agentPrincipal();
        Reservation r = reserving.reservations().find(agent, Reserving.reservationId(id));
        String reference = refundReference(posted, "reference", model);
        if (reference == null) {
            return detail(r, model);
        }
        if (!Confirmation.given(posted)) {
            model.addAttribute(
                    "confirmation",
                    refundConfirmation(
                            what(r) + " : " + reserving.money(r.amountDueCents()),
                            reference,
                            "/agent/reservations/" + r.id() + "/remboursement",
                            "/agent/reservations/" + r.id()));
            return "confirmation";
        }
        try {
            reserving.reservations().recordRefund(agent, r.id(), reference);
            redirect.addFlashAttribute("notice", "Le remboursement est enregistré.");
        } catch (GruException e) {
            redirect.addFlashAttribute(
                    "problem", "Le remboursement n'a pas pu être enregistré : la réservation a changé entre-temps.");
        }
        return "redirect:/agent/reservations/" + r.id();
    }

    /**
     * The refund's reference as posted, or null once its error, tied to {@code field}, is in the model with
     * what was typed: a reference the comptable public gives fits on one line.
     */
    private static @Nullable String refundReference(Map<String, String> posted, String field, Model model) {
        String reference = posted.getOrDefault("reference", "").strip();
        if (!reference.isEmpty()
                && reference.length() <= 100
                && reference.chars().noneMatch(Character::isISOControl)) {
            return reference;
        }
        FormErrors errors = new FormErrors();
        errors.add(
                field,
                reference.isEmpty()
                        ? "Écrivez la référence du remboursement donnée par le comptable public"
                        : "La référence doit tenir sur une ligne de 100 caractères au plus");
        model.addAttribute("errors", errors);
        model.addAttribute("errorsHeading", "Le remboursement n’est pas enregistré");
        model.addAttribute("reference", reference);
        return null;
    }

    /** The step before recording a refund, {@code what} naming the thing refunded and its amount. */
    private static Confirmation refundConfirmation(String what, String reference, String action, String back) {
        return new Confirmation(
                "Enregistrer le remboursement ?",
                what + ", référence " + reference,
                "Enregistrez-le seulement une fois le remboursement fait par le comptable public :"
                        + " l'usager en sera informé.",
                action,
                Map.of("reference", reference),
                "Oui, enregistrer",
                back);
    }

    /**
     * The refund the comptable public made of a registration paid then cancelled (or paid once the session
     * was full): as for a reservation, the agent records its reference after a confirmation.
     */
    @PostMapping("/agent/evenements/{id}/inscriptions/{registration}/remboursement")
    String recordRegistrationRefund(
            @PathVariable String id,
            @PathVariable String registration,
            @RequestParam Map<String, String> posted,
            HttpSession session,
            Model model,
            RedirectAttributes redirect) {
        AgentPrincipal agent = CurrentUser.agent(session).agentPrincipal();
        Registration r = reserving.registrations().find(agent, Reserving.registrationId(registration));
        EventSession s = eventSession(id);
        if (!r.session().equals(s.id())) {
            throw new NotFoundException("registration", registration);
        }
        String back = "/agent/evenements/" + s.id();
        String reference = refundReference(posted, "reference_" + r.id(), model);
        if (reference == null) {
            return sessionPage(agent, s, model);
        }
        if (!Confirmation.given(posted)) {
            model.addAttribute(
                    "confirmation",
                    refundConfirmation(
                            s.title() + ", " + labels.dateTime(s.startsAt()) + ", pour " + labels.name(r.participant())
                                    + " : " + reserving.money(r.priceCents()),
                            reference,
                            back + "/inscriptions/" + r.id() + "/remboursement",
                            back));
            return "confirmation";
        }
        try {
            reserving.registrations().recordRefund(agent, r.id(), reference);
            redirect.addFlashAttribute("notice", "Le remboursement est enregistré.");
        } catch (GruException e) {
            redirect.addFlashAttribute(
                    "problem", "Le remboursement n'a pas pu être enregistré : l'inscription a changé entre-temps.");
        }
        return "redirect:" + back;
    }

    private EventSession eventSession(String id) {
        return reserving
                .catalogue()
                .session(Commune.TENANT, SessionId.of(id))
                .orElseThrow(() -> new NotFoundException("session", id));
    }

    @GetMapping("/agent/evenements/{id}")
    String session(@PathVariable String id, HttpSession session, Model model) {
        AgentPrincipal agent = CurrentUser.agent(session).agentPrincipal();
        model.addAttribute("errors", new FormErrors());
        return sessionPage(agent, eventSession(id), model);
    }

    private String sessionPage(AgentPrincipal agent, EventSession s, Model model) {
        var registrations = reserving.registrations().registrations(agent, s.id());
        Map<Object, Object> payments = new LinkedHashMap<>();
        registrations.forEach(r -> payments.put(r.id(), reserving.paymentsOf(r)));
        model.addAttribute("eventSession", s);
        model.addAttribute("registrations", registrations);
        model.addAttribute("payments", payments);
        model.addAttribute("placesLeft", reserving.placesLeft(s));
        if (!model.containsAttribute("errorsHeading")) {
            model.addAttribute("errorsHeading", "Le remboursement n’est pas enregistré");
        }
        return "agent/evenement";
    }
}
