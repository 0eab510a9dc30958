package org.opengru.examples.portal.resident;

import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.opengru.core.catalogue.DocumentTypeCode;
import org.opengru.core.error.GruException;
import org.opengru.core.intake.Channel;
import org.opengru.core.principal.UsagerPrincipal;
import org.opengru.documents.ingest.UploadRejectedException;
import org.opengru.documents.ingest.UploadRequest;
import org.opengru.documents.types.DocumentFacts;
import org.opengru.documents.vault.Document;
import org.opengru.documents.vault.DocumentVault;
import org.opengru.examples.portal.commune.Commune;
import org.opengru.examples.portal.commune.Confirmation;
import org.opengru.examples.portal.commune.FileRefusals;
import org.opengru.examples.portal.commune.FormErrors;
import org.opengru.examples.portal.commune.Labels;
import org.opengru.examples.portal.commune.ResidentProblems;
import org.opengru.examples.portal.signin.CurrentUser;
import org.opengru.scheduling.reservation.Reservable;
import org.opengru.scheduling.reservation.ReservableId;
import org.opengru.scheduling.reservation.Reservation;
import org.opengru.scheduling.reservation.ReservationRejectedException;
import org.opengru.scheduling.reservation.ReservationRequest;
import org.opengru.scheduling.reservation.ReservationStatus;
import org.opengru.scheduling.reservation.UsagerCategory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Réserver une salle": the rooms and equipment with their opening rules and tariffs, the request (period,
 * usager kind, required pieces uploaded to the resident's vault) kept for the agent's approval, then the
 * payment through PayFiP, and the reservation's page with its payments and avis de paiement.
 */
@Controller
class ReservationController {

    private final Reserving reserving;
    private final DocumentVault vault;
    private final Labels labels;

    ReservationController(Reserving reserving, DocumentVault vault, Labels labels) {
        this.reserving = reserving;
        this.vault = vault;
        this.labels = labels;
    }

    @GetMapping("/reserver")
    String list(HttpSession session, Model model) {
        CurrentUser.resident(session);
        model.addAttribute("reservables", reserving.catalogue().reservables(Commune.TENANT));
        return "resident/reserver";
    }

    @GetMapping("/reserver/{code}")
    String form(@PathVariable String code, HttpSession session, Model model) {
        UsagerPrincipal me = CurrentUser.resident(session).usager();
        Reservable r = reservable(code);
        model.addAttribute("errors", new FormErrors());
        model.addAttribute(
                "values",
                Map.of("categorie", reserving.defaultCategory(me.usager()).name()));
        return form(r, model);
    }

    private String form(Reservable r, Model model) {
        model.addAttribute("reservable", r);
        model.addAttribute("categories", reserving.tariffs(r));
        return "resident/reserver-salle";
    }

    @PostMapping("/reserver/{code}")
    String request(
            @PathVariable String code,
            @RequestParam Map<String, String> posted,
            MultipartHttpServletRequest multipart,
            HttpSession session,
            Model model,
            RedirectAttributes redirect) {
        UsagerPrincipal me = CurrentUser.resident(session).usager();
        Reservable r = reservable(code);
        FormErrors errors = new FormErrors();
        UsagerCategory category = null;
        try {
            category = UsagerCategory.valueOf(posted.getOrDefault("categorie", ""));
            if (r.tariff(category).isEmpty()) {
                errors.add("categorie", "Cette salle n'est pas louée à cette catégorie : choisissez-en une autre");
                category = null;
            }
        } catch (IllegalArgumentException e) {
            errors.add("categorie", "Indiquez à quel titre vous réservez");
        }
        Instant start = instant(posted, "debut", "début", errors);
        Instant end = instant(posted, "fin", "fin", errors);
        if (start != null && end != null && !end.isAfter(start)) {
            errors.add("fin_jour", "La fin doit être après le début");
        }
        Map<String, MultipartFile> files = new LinkedHashMap<>();
        for (String piece : r.requiredPieces()) {
            MultipartFile file = multipart.getFile("piece_" + piece);
            if (file == null || file.isEmpty()) {
                errors.add("piece_" + piece, reserving.pieceName(r, piece) + " : joignez le fichier");
            } else {
                files.put(piece, file);
            }
        }
        if (errors.isEmpty()) {
            try {
                // The pieces go to the resident's vault first; a refused period leaves them in "Mes documents".
                Map<String, String> pieces = new LinkedHashMap<>();
                files.forEach((piece, file) -> pieces.put(piece, upload(me, r, piece, file)));
                Reservation done = reserving
                        .reservations()
                        .request(
                                me,
                                new ReservationRequest(
                                        Commune.TENANT, r.id(), me.usager(), category, start, end, pieces));
                redirect.addFlashAttribute(
                        "notice",
                        "Votre demande de réservation est envoyée. La mairie vous répondra ; vous paierez en ligne"
                                + " après son accord.");
                return "redirect:/reservations/" + done.id();
            } catch (PieceRefused e) {
                errors.add(e.field, e.getMessage());
            } catch (ReservationRejectedException e) {
                errors.add(field(e.field()), reason(e));
            } catch (GruException e) {
                errors.add(null, "La demande n'a pas pu être envoyée : " + ResidentProblems.french(e));
            }
        }
        files.forEach((piece, file) -> {
            if (errors.of("piece_" + piece) == null) {
                errors.add(
                        "piece_" + piece,
                        reserving.pieceName(r, piece) + " : choisissez à nouveau le fichier « "
                                + file.getOriginalFilename() + " »");
            }
        });
        model.addAttribute("errors", errors);
        model.addAttribute("values", posted);
        return form(r, model);
    }

    private @Nullable Instant instant(Map<String, String> posted, String name, String label, FormErrors errors) {
        String day = posted.getOrDefault(name + "_jour", "").strip();
        String time = posted.getOrDefault(name + "_heure", "").strip();
        if (day.isEmpty()) {
            errors.add(name + "_jour", "Indiquez la date de " + label + ", par exemple 14/06/2027");
            return null;
        }
        LocalDate d;
        try {
            d = day.contains("/")
                    ? LocalDate.parse(
                            day,
                            java.time.format.DateTimeFormatter.ofPattern("dd/MM/uuuu")
                                    .withResolverStyle(java.time.format.ResolverStyle.STRICT))
                    : LocalDate.parse(day);
        } catch (DateTimeParseException e) {
            errors.add(name + "_jour", "La date de " + label + " n'est pas une date, par exemple 14/06/2027");
            return null;
        }
        if (time.isEmpty()) {
            errors.add(name + "_heure", "Indiquez l'heure de " + label + ", par exemple 14:00");
            return null;
        }
        try {
            return d.atTime(LocalTime.parse(time.replace('h', ':')))
                    .atZone(Commune.ZONE)
                    .toInstant();
        } catch (DateTimeParseException e) {
            errors.add(name + "_heure", "L'heure de " + label + " n'est pas une heure, par exemple 14:00");
            return null;
        }
    }

    private String upload(UsagerPrincipal me, Reservable r, String piece, MultipartFile file) {
        String name = file.getOriginalFilename() == null ? "document" : file.getOriginalFilename();
        try (InputStream in = file.getInputStream()) {
            Document d = vault.upload(
                    me,
                    me.usager(),
                    DocumentTypeCode.of(piece),
                    DocumentFacts.issued(vault.today()),
                    Channel.WEB,
                    UploadRequest.of(name).withDeclaredSize(file.getSize()),
                    in);
            return "document:" + d.id();
        } catch (UploadRejectedException e) {
            throw new PieceRefused(
                    "piece_" + piece,
                    reserving.pieceName(r, piece) + " : le fichier n'a pas été accepté, " + FileRefusals.french(e));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The form's field a rule names. */
    private static String field(String domainField) {
        return switch (domainField) {
            case "category" -> "categorie";
            case "end" -> "fin_jour";
            default -> "debut_jour";
        };
    }

    private static String reason(ReservationRejectedException e) {
        return switch (e.reason()) {
            case IN_THE_PAST -> "Le début est déjà passé : choisissez une date à venir";
            case BEYOND_HORIZON -> "Cette date est trop lointaine : les réservations ouvrent un an à l'avance";
            case TOO_SHORT -> "La réservation est trop courte";
            case TOO_LONG -> "La réservation est trop longue";
            case OUTSIDE_OPENING_RULES ->
                e.field().equals("end")
                        ? "La salle ne peut pas être rendue à cette heure : voyez les horaires"
                        : "La salle ne peut pas être remise à cette heure : voyez les horaires";
            case PERIOD_TAKEN ->
                "La salle est déjà réservée sur une partie de cette période : choisissez d'autres dates";
            case CATEGORY_NOT_ADMITTED -> "Cette salle n'est pas louée à cette catégorie";
            default -> "La demande n'a pas été acceptée";
        };
    }

    @GetMapping("/reservations/{id}")
    String reservation(@PathVariable String id, HttpSession session, Model model) {
        UsagerPrincipal me = CurrentUser.resident(session).usager();
        Reservation r = reserving.reservations().find(me, Reserving.reservationId(id));
        model.addAttribute("errors", new FormErrors());
        model.addAttribute("courriel", reserving.email(me.usager()));
        return detail(me, r, model);
    }

    private String detail(UsagerPrincipal me, Reservation r, Model model) {
        // A payment read back paid that a lost notification left unrecorded is recorded now (idempotent).
        reserving.paymentsOf(r).forEach(p -> reserving.payments().record(p));
        Reservation now = reserving.reservations().find(me, r.id());
        model.addAttribute("reservation", now);
        model.addAttribute(
                "reservable",
                reserving.catalogue().reservable(now.tenant(), now.reservable()).orElseThrow());
        model.addAttribute("payments", reserving.paymentsOf(now));
        model.addAttribute("payAction", "/reservations/" + now.id() + "/payer");
        model.addAttribute("amount", reserving.money(now.priceCents()));
        model.addAttribute(
                "payable",
                now.status() == ReservationStatus.AWAITING_PAYMENT
                        && now.holdExpiresAt() != null
                        && now.holdExpiresAt().isAfter(reserving.now()));
        model.addAttribute(
                "cancellable", now.status().keepsPeriod() && now.start().isAfter(reserving.now()));
        return "resident/reservation";
    }

    /** Pays through PayFiP: the browser leaves for its payment page; the e-mail receives PayFiP's ticket. */
    @PostMapping("/reservations/{id}/payer")
    String pay(
            @PathVariable String id,
            @RequestParam(defaultValue = "") String courriel,
            HttpSession session,
            Model model,
            RedirectAttributes redirect) {
        UsagerPrincipal me = CurrentUser.resident(session).usager();
        Reservation r = reserving.reservations().find(me, Reserving.reservationId(id));
        return Payments.startOrExplain(
                () -> reserving.payments().payReservation(me, r.id(), courriel.strip()),
                courriel,
                "/reservations/" + r.id(),
                model,
                redirect,
                () -> detail(me, r, model));
    }

    @PostMapping("/reservations/{id}/annuler")
    String cancel(
            @PathVariable String id,
            @RequestParam Map<String, String> posted,
            HttpSession session,
            Model model,
            RedirectAttributes redirect) {
        UsagerPrincipal me = CurrentUser.resident(session).usager();
        Reservation r = reserving.reservations().find(me, Reserving.reservationId(id));
        if (!Confirmation.given(posted)) {
            model.addAttribute(
                    "confirmation",
                    new Confirmation(
                            "Annuler cette réservation ?",
                            reserving.reservableName(r) + ", du " + labels.dateTime(r.start()) + " au "
                                    + labels.dateTime(r.end()),
                            r.paid()
                                    ? "La salle sera proposée à d'autres personnes. Vous avez payé : le comptable"
                                            + " public vous remboursera, cela peut prendre quelques semaines."
                                    : "La salle sera proposée à d'autres personnes : vous ne pourrez pas reprendre"
                                            + " cette réservation.",
                            "/reservations/" + r.id() + "/annuler",
                            Map.of(),
                            "Oui, annuler ma réservation",
                            "/reservations/" + r.id()));
            return "confirmation";
        }
        try {
            reserving.reservations().cancel(me, r.id(), null);
            redirect.addFlashAttribute("notice", "Votre réservation est annulée.");
        } catch (GruException e) {
            redirect.addFlashAttribute(
                    "problem", "La réservation n'a pas pu être annulée : " + ResidentProblems.french(e) + ".");
        }
        return "redirect:/reservations/" + r.id();
    }

    private Reservable reservable(String code) {
        return reserving
                .catalogue()
                .reservable(Commune.TENANT, ReservableId.of(code))
                .orElseThrow(() -> new org.opengru.core.error.NotFoundException("reservable", code));
    }

    /** A piece's file refused by the vault, said at its field. */
    private static final class PieceRefused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient String field;

        PieceRefused(String field, String message) {
            super(message, null, false, false);
            this.field = field;
        }
    }
}
