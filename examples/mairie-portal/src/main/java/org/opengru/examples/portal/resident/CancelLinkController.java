package org.opengru.examples.portal.resident;

import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.opengru.core.error.GruException;
import org.opengru.examples.portal.commune.Commune;
import org.opengru.examples.portal.commune.ResidentProblems;
import org.opengru.scheduling.booking.Booking;
import org.opengru.scheduling.booking.BookingId;
import org.opengru.scheduling.booking.BookingStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The cancellation link sent with an appointment: no sign-in, its secret is the proof. The link shows
 * the appointment and asks to confirm (a link followed by a mail scanner must not cancel anything); the
 * confirmation cancels it. A wrong or old link says so in plain French and points to the resident's space.
 */
@Controller
class CancelLinkController {

    static final String PATH = "/rendez-vous/{id}/annulation";

    private final Appointments appointments;

    CancelLinkController(Appointments appointments) {
        this.appointments = appointments;
    }

    @GetMapping(PATH)
    String confirm(@PathVariable String id, @RequestParam(required = false) @Nullable String jeton, Model model) {
        Optional<Booking> booking = named(id, jeton);
        if (booking.isEmpty()) {
            model.addAttribute(
                    "problem",
                    "Ce lien d'annulation n'est pas valable. Vous pouvez annuler votre"
                            + " rendez-vous depuis votre espace, ou appeler la mairie.");
            return "resident/annulation";
        }
        show(booking.get(), model);
        model.addAttribute("jeton", jeton);
        return "resident/annulation";
    }

    @PostMapping(PATH)
    String cancel(@PathVariable String id, @RequestParam(required = false) @Nullable String jeton, Model model) {
        Optional<Booking> booking = named(id, jeton);
        if (booking.isEmpty()) {
            return confirm(id, jeton, model);
        }
        try {
            show(
                    appointments
                            .service()
                            .cancelByUsager(Commune.TENANT, booking.get().id(), jeton),
                    model);
            model.addAttribute("notice", "Votre rendez-vous est annulé. Le créneau est proposé à quelqu'un d'autre.");
        } catch (GruException e) {
            show(booking.get(), model);
            model.addAttribute(
                    "problem", "Le rendez-vous n'a pas pu être annulé : " + ResidentProblems.french(e) + ".");
        }
        return "resident/annulation";
    }

    private Optional<Booking> named(String id, @Nullable String jeton) {
        BookingId bookingId;
        try {
            bookingId = BookingId.parse(id);
        } catch (RuntimeException malformed) {
            return Optional.empty();
        }
        return appointments.service().findByCancelToken(Commune.TENANT, bookingId, jeton);
    }

    private void show(Booking b, Model model) {
        model.addAttribute("booking", b);
        model.addAttribute("cancellable", b.status() == BookingStatus.BOOKED);
        model.addAttribute("siteName", appointments.siteName(b.site()));
        model.addAttribute("serviceName", appointments.serviceName(b.site(), b.service()));
    }
}
