package org.opengru.examples.portal.resident;

import jakarta.servlet.http.HttpSession;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opengru.core.error.GruException;
import org.opengru.core.error.NotFoundException;
import org.opengru.core.idempotency.IdempotencyKey;
import org.opengru.core.principal.UsagerPrincipal;
import org.opengru.examples.portal.commune.Commune;
import org.opengru.examples.portal.commune.Confirmation;
import org.opengru.examples.portal.commune.FormErrors;
import org.opengru.examples.portal.commune.Labels;
import org.opengru.examples.portal.commune.ResidentProblems;
import org.opengru.examples.portal.signin.CurrentUser;
import org.opengru.scheduling.availability.Slot;
import org.opengru.scheduling.booking.Booking;
import org.opengru.scheduling.booking.BookingId;
import org.opengru.scheduling.booking.BookingPayment;
import org.opengru.scheduling.booking.BookingPaymentStatus;
import org.opengru.scheduling.booking.BookingRequest;
import org.opengru.scheduling.booking.BookingResult;
import org.opengru.scheduling.booking.BookingStatus;
import org.opengru.scheduling.ical.ICalendarWriter;
import org.opengru.scheduling.model.Service;
import org.opengru.scheduling.model.ServiceId;
import org.opengru.scheduling.model.SiteId;
import org.opengru.spring.payments.HeldPayments;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Booking, rescheduling and cancelling an appointment at a desk of the town hall. */
@Controller
class AppointmentController {

    private final Appointments appointments;
    private final ICalendarWriter calendar;
    private final Labels labels;
    private final HeldPayments held;
    private final Reserving reserving;

    AppointmentController(
            Appointments appointments,
            ICalendarWriter calendar,
            Labels labels,
            HeldPayments held,
            Reserving reserving) {
        this.appointments = appointments;
        this.calendar = calendar;
        this.labels = labels;
        this.held = held;
        this.reserving = reserving;
    }

    /** Step 1: the site and the reason (motif). */
    @GetMapping("/rendez-vous")
    String choose(HttpSession session, Model model) {
        CurrentUser.resident(session);
        model.addAttribute("sites", appointments.sites());
        return "resident/rendez-vous";
    }

    /**
     * Step 2: the free slots of one day or one week ({@code vue}, {@code du}), by day, opening on the period
     * of the earliest free slot, which is named first; the ANTS number is asked before the slots.
     */
    @GetMapping("/rendez-vous/creneaux")
    String slots(
            @RequestParam String motif,
            @RequestParam(required = false) @Nullable String deplacer,
            @RequestParam(required = false) @Nullable String vue,
            @RequestParam(required = false) @Nullable String du,
            HttpSession session,
            Model model) {
        UsagerPrincipal me = CurrentUser.resident(session).usager();
        Motif chosen = Motif.parse(motif);
        SiteId site = chosen.site();
        ServiceId serviceId = chosen.service();
        Service service = appointments.serviceAt(site, serviceId).orElseThrow();
        java.time.Clock clock = appointments.service().clock();
        LocalDate today = LocalDate.now(clock.withZone(Commune.ZONE));
        LocalDate horizon = LocalDate.ofInstant(clock.instant().plus(service.maxHorizon()), Commune.ZONE);
        Slot earliest = earliest(site, serviceId, today, horizon);
        SlotPeriod period = SlotPeriod.of(
                vue, du, earliest == null ? null : LocalDate.ofInstant(earliest.start(), Commune.ZONE), today, horizon);
        List<Slot> slots =
                appointments.service().availability(Commune.TENANT, site, serviceId, period.first(), period.last(), 1);
        Map<LocalDate, List<Slot>> byDay = new LinkedHashMap<>();
        for (LocalDate d = period.first(); !d.isAfter(period.last()); d = d.plusDays(1)) {
            byDay.put(d, new java.util.ArrayList<>());
        }
        for (Slot s : slots) {
            byDay.computeIfAbsent(LocalDate.ofInstant(s.start(), Commune.ZONE), d -> new java.util.ArrayList<>())
                    .add(s);
        }
        model.addAttribute("site", appointments.site(site).site());
        model.addAttribute("service", service);
        model.addAttribute("motif", motif);
        model.addAttribute("byDay", byDay);
        model.addAttribute("anyFree", !slots.isEmpty());
        // The first slot's radio button is the one the error summary links to ("#creneau").
        model.addAttribute(
                "firstSlot",
                slots.stream().map(Slot::start).min(Instant::compareTo).orElse(null));
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", new FormErrors());
        }
        model.addAttribute("earliest", earliest);
        model.addAttribute(
                "earliestShown",
                earliest != null && byDay.containsKey(LocalDate.ofInstant(earliest.start(), Commune.ZONE)));
        model.addAttribute("period", period);
        model.addAttribute("reschedule", deplacer);
        model.addAttribute("formToken", UUID.randomUUID().toString());
        model.addAttribute("usager", me.usager());
        return "resident/creneaux";
    }

    /** The first free slot from today to the horizon, looked for a week at a time (most are found at once). */
    private @Nullable Slot earliest(SiteId site, ServiceId service, LocalDate today, LocalDate horizon) {
        for (LocalDate from = today; !from.isAfter(horizon); from = from.plusWeeks(1)) {
            LocalDate to = from.plusDays(6).isAfter(horizon) ? horizon : from.plusDays(6);
            List<Slot> free = appointments.service().availability(Commune.TENANT, site, service, from, to, 1);
            if (!free.isEmpty()) {
                return free.get(0);
            }
        }
        return null;
    }

    /** Step 3: book. */
    @PostMapping("/rendez-vous")
    String book(
            @RequestParam String motif,
            @RequestParam(required = false) @Nullable String creneau,
            @RequestParam(required = false, defaultValue = "") String ants,
            @RequestParam String jeton,
            HttpSession session,
            RedirectAttributes redirect) {
        UsagerPrincipal me = CurrentUser.resident(session).usager();
        Motif chosen = Motif.parse(motif);
        String slotsPage = "redirect:/rendez-vous/creneaux?motif="
                + chosen.site().value() + "/" + chosen.service().value();
        redirect.addFlashAttribute("draftAnts", ants);
        if (creneau == null) {
            return slotRefused(redirect, "creneau", SLOT_MISSING, BOOKING_REFUSED, slotsPage);
        }
        try {
            BookingRequest request = BookingRequest.online(
                            Commune.TENANT, chosen.site(), chosen.service(), Instant.parse(creneau), me.usager())
                    .withAntsNumber(ants.isBlank() ? null : ants.strip().toUpperCase(java.util.Locale.ROOT))
                    .withIdempotencyKey(IdempotencyKey.of("rdv-" + jeton));
            boolean paying = appointments
                            .serviceAt(chosen.site(), chosen.service())
                            .orElseThrow()
                            .priceCents()
                    > 0;
            if (paying) {
                // Held, not booked: confirmed only once PayFiP's read-back says paid.
                BookingResult held = appointments.payments().holdForPayment(request);
                if (held instanceof BookingResult.Booked hold) {
                    redirect.addFlashAttribute(
                            "notice",
                            "Le créneau vous est réservé jusqu'à "
                                    + labels.time(hold.booking().holdExpiresAt())
                                    + " : payez maintenant pour confirmer le rendez-vous.");
                    return "redirect:/rendez-vous/" + hold.booking().id();
                }
                return slotRefused(redirect, "creneau", SLOT_TAKEN, BOOKING_REFUSED, slotsPage);
            }
            BookingResult result = appointments.service().book(request);
            if (result instanceof BookingResult.Booked booked) {
                redirect.addFlashAttribute("notice", "Votre rendez-vous est confirmé.");
                if (booked.cancelToken() != null) {
                    // Sent by e-mail in a real commune; shown once here, as the demo sends no e-mail.
                    redirect.addFlashAttribute(
                            "cancelLink",
                            ServletUriComponentsBuilder.fromCurrentContextPath()
                                    .path(CancelLinkController.PATH)
                                    .queryParam("jeton", booked.cancelToken())
                                    .buildAndExpand(booked.booking().id())
                                    .toUriString());
                }
                return "redirect:/rendez-vous/" + booked.booking().id();
            }
            return slotRefused(redirect, "creneau", SLOT_TAKEN, BOOKING_REFUSED, slotsPage);
        } catch (GruException e) {
            return slotRefused(redirect, fieldOf(e), ResidentProblems.french(e), BOOKING_REFUSED, slotsPage);
        }
    }

    private static final String BOOKING_REFUSED = "Le rendez-vous n'est pas encore pris";
    private static final String SLOT_MISSING = "Créneau : choisissez un créneau.";
    private static final String SLOT_TAKEN =
            "Créneau : il vient d'être pris par quelqu'un d'autre. Choisissez-en un autre.";

    /** The field of the slots page a refusal is about: the ANTS number, the slot, or none. */
    private static @Nullable String fieldOf(GruException e) {
        if (e instanceof org.opengru.core.error.ValidationException v) {
            for (org.opengru.core.error.Violation x : v.violations()) {
                String field = x.field().toLowerCase(java.util.Locale.ROOT);
                if (field.contains("ants")) {
                    return "ants";
                }
                if (field.contains("start") || field.contains("slot")) {
                    return "creneau";
                }
            }
        }
        return null;
    }

    /** Back to the slots page with the error at its field: the ANTS number typed is kept, a slot is to choose. */
    private static String slotRefused(
            RedirectAttributes redirect, @Nullable String field, String error, String heading, String slotsPage) {
        String said = field == null || error.contains(" : ")
                ? error
                : (field.equals("ants") ? "Numéro de pré-demande ANTS : " : "Créneau : ") + error;
        redirect.addFlashAttribute("errors", new FormErrors().add(field, said.endsWith(".") ? said : said + "."));
        redirect.addFlashAttribute("errorsHeading", heading);
        return slotsPage;
    }

    @GetMapping("/rendez-vous/{id}")
    String appointment(@PathVariable String id, HttpSession session, Model model) {
        UsagerPrincipal me = CurrentUser.resident(session).usager();
        model.addAttribute("errors", new FormErrors());
        model.addAttribute("courriel", reserving.email(me.usager()));
        return detail(me, mine(me, id), model);
    }

    private String detail(UsagerPrincipal me, Booking shown, Model model) {
        // A payment read back paid that a lost notification left unrecorded is recorded now (idempotent).
        held.paymentsOf(Commune.TENANT, shown.id()).forEach(held::record);
        Booking b = mine(me, shown.id().toString());
        model.addAttribute("booking", b);
        model.addAttribute("siteName", appointments.siteName(b.site()));
        model.addAttribute("serviceName", appointments.serviceName(b.site(), b.service()));
        model.addAttribute("deskName", appointments.deskName(b.site(), b.resource()));
        java.util.Optional<BookingPayment> payment = appointments.payment(b);
        model.addAttribute("paymentState", appointments.paymentState(b));
        model.addAttribute("payments", held.paymentsOf(Commune.TENANT, b.id()));
        model.addAttribute("payAction", "/rendez-vous/" + b.id() + "/payer");
        model.addAttribute(
                "amount", payment.map(p -> Appointments.money(p.amountCents())).orElse(null));
        model.addAttribute(
                "payable",
                payment.isPresent()
                        && payment.get().status() == BookingPaymentStatus.AWAITING_PAYMENT
                        && b.status() == BookingStatus.HELD
                        && b.holdExpiresAt() != null
                        && b.holdExpiresAt()
                                .isAfter(appointments.service().clock().instant()));
        // A payment after the hold that booked the same slot again: the appointment is that new booking.
        model.addAttribute(
                "rebooked",
                payment.map(BookingPayment::booking)
                        .filter(other -> !other.equals(b.id()))
                        .orElse(null));
        return "resident/rendez-vous-detail";
    }

    /** Pays a held appointment through PayFiP: the browser leaves for its payment page. */
    @PostMapping("/rendez-vous/{id}/payer")
    String pay(
            @PathVariable String id,
            @RequestParam(defaultValue = "") String courriel,
            HttpSession session,
            Model model,
            RedirectAttributes redirect) {
        UsagerPrincipal me = CurrentUser.resident(session).usager();
        Booking b = mine(me, id);
        String object = "Rendez-vous " + appointments.serviceName(b.site(), b.service()) + " du "
                + labels.day(java.time.LocalDate.ofInstant(b.start(), Commune.ZONE));
        return Payments.startOrExplain(
                () -> held.payAppointment(me, b.id(), object, courriel.strip()),
                courriel,
                "/rendez-vous/" + b.id(),
                model,
                redirect,
                () -> detail(me, b, model));
    }

    @GetMapping("/rendez-vous/{id}/calendrier.ics")
    ResponseEntity<String> ics(@PathVariable String id, HttpSession session) {
        UsagerPrincipal me = CurrentUser.resident(session).usager();
        Booking b = mine(me, id);
        String body = calendar.appointment(
                b,
                appointments.site(b.site()).site(),
                appointments.serviceAt(b.site(), b.service()).orElseThrow());
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"rendez-vous-mairie.ics\"")
                .contentType(new MediaType("text", "calendar", java.nio.charset.StandardCharsets.UTF_8))
                .body(body);
    }

    /**
     * Cancellation from the e-mailed link (its secret, no sign-in needed) or from the resident's space (no
     * secret: the signed-in owner).
     */
    @PostMapping("/rendez-vous/{id}/annuler")
    String cancel(
            @PathVariable String id,
            @RequestParam(required = false) @Nullable String jeton,
            @RequestParam Map<String, String> posted,
            HttpSession session,
            Model model,
            RedirectAttributes redirect) {
        // An id that is not one, or not theirs, names nothing: the 404 page, not a refusal.
        BookingId bookingId = BookingId.parse(id);
        UsagerPrincipal owner = null;
        if (jeton == null || jeton.isBlank()) {
            owner = CurrentUser.resident(session).usager();
            mine(owner, id);
        }
        try {
            if (owner == null) {
                appointments.service().cancelByUsager(Commune.TENANT, bookingId, jeton);
            } else {
                UsagerPrincipal me = owner;
                if (!Confirmation.given(posted)) {
                    // Cancelling cannot be undone: the slot goes to someone else. Ask first.
                    Booking b = mine(me, id);
                    model.addAttribute(
                            "confirmation",
                            new Confirmation(
                                    "Annuler ce rendez-vous ?",
                                    appointments.serviceName(b.site(), b.service()) + ", "
                                            + appointments.siteName(b.site()) + ", " + labels.dateTime(b.start()),
                                    "Le créneau sera proposé à une autre personne : vous ne pourrez pas le reprendre."
                                            + " Pour venir à la mairie, il faudra prendre un nouveau rendez-vous.",
                                    "/rendez-vous/" + b.id() + "/annuler",
                                    Map.of(),
                                    "Oui, annuler ce rendez-vous",
                                    "/rendez-vous/" + b.id()));
                    return "confirmation";
                }
                appointments.service().cancelByOwner(me, BookingId.parse(id));
            }
            redirect.addFlashAttribute("notice", "Votre rendez-vous est annulé.");
        } catch (GruException e) {
            redirect.addFlashAttribute(
                    "problem", "Le rendez-vous n'a pas pu être annulé : " + ResidentProblems.french(e) + ".");
        }
        return "redirect:/mon-espace#rendez-vous";
    }

    @PostMapping("/rendez-vous/{id}/deplacer")
    String reschedule(
            @PathVariable String id,
            @RequestParam(required = false) @Nullable String creneau,
            HttpSession session,
            RedirectAttributes redirect) {
        UsagerPrincipal me = CurrentUser.resident(session).usager();
        Booking b = mine(me, id);
        // A refusal goes back to the slots, where the error is said at the slot to choose again.
        String slotsPage = "redirect:/rendez-vous/creneaux?motif=" + b.site().value() + "/"
                + b.service().value() + "&deplacer=" + b.id();
        if (creneau == null) {
            return slotRefused(redirect, "creneau", SLOT_MISSING, MOVE_REFUSED, slotsPage);
        }
        try {
            BookingResult result = appointments.service().reschedule(me, b.id(), Instant.parse(creneau));
            if (result instanceof BookingResult.Booked) {
                redirect.addFlashAttribute("notice", "Votre rendez-vous a été déplacé.");
                return "redirect:/rendez-vous/" + id;
            }
            return slotRefused(redirect, "creneau", SLOT_TAKEN, MOVE_REFUSED, slotsPage);
        } catch (GruException e) {
            return slotRefused(redirect, fieldOf(e), ResidentProblems.french(e), MOVE_REFUSED, slotsPage);
        }
    }

    private static final String MOVE_REFUSED = "Le rendez-vous n'est pas déplacé";

    /** The reason chosen at step 1, {@code site/service}: a value without its separator names nothing (404). */
    private record Motif(SiteId site, ServiceId service) {

        static Motif parse(String motif) {
            int slash = motif.indexOf('/');
            if (slash < 0) {
                throw new NotFoundException("motif", motif);
            }
            return new Motif(SiteId.of(motif.substring(0, slash)), ServiceId.of(motif.substring(slash + 1)));
        }
    }

    private Booking mine(UsagerPrincipal me, String id) {
        return appointments.service().find(me, BookingId.parse(id));
    }
}
